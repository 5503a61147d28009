/** The version of `@absynth/engine`, recorded as the tool's version in every manifest (kept equal to package.json by a test). */
export const VERSION = '0.1.0';
