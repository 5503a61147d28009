"""The timing harness the Matplotlib baselines share.

Reads JSON lines of scenes on stdin, draws each with the script's `draw(scene, path)` into
OUT/<name>-NNNNN.png, in one process or a pool of them (pool start-up outside the timing), and
prints the images and seconds as JSON. Command line of the scripts: SIZE OUT [PROCESSES].
"""
import json
import sys
import time

size = int(sys.argv[1])
out = sys.argv[2]
processes = int(sys.argv[3]) if len(sys.argv) > 3 else 1

_draw = None
_name = None


def _draw_numbered(item):
    i, scene = item
    _draw(scene, f"{out}/{_name}-{i:05d}.png")


def run(name, draw):
    """Times `draw` over the scenes on stdin and prints {"images", "processes", "seconds"}."""
    global _draw, _name
    _draw, _name = draw, name
    scenes = [json.loads(line) for line in sys.stdin if line.strip()]
    if processes > 1:
        import multiprocessing

        with multiprocessing.Pool(processes) as pool:
            pool.map(_draw_numbered, [(0, scenes[0])])  # start the workers outside the timing
            began = time.perf_counter()
            pool.map(_draw_numbered, enumerate(scenes), chunksize=8)
    else:
        _draw_numbered((0, scenes[0]))
        began = time.perf_counter()
        for item in enumerate(scenes):
            _draw_numbered(item)
    print(json.dumps({"images": len(scenes), "processes": processes, "seconds": time.perf_counter() - began}))
