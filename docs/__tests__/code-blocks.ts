// Type-checks the ```ts code blocks of markdown files with the TypeScript compiler API, under
// tsconfig.base.json's settings, against the workspace's built packages (their dist/*.d.ts, as a
// reader's project would see them after `npm install`).
//
// Each block is a module of its own, as if it were a file of the reader's project. A block may use
// what an earlier block of the same markdown file exports (`export const dots = …`) without
// importing it: it is imported for it, as if the blocks were files importing each other. Anything
// else a block uses, it imports itself.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** One ```ts code block of a markdown file. */
export interface CodeBlock {
  /** The markdown file, relative to the repository root, with `/` separators. */
  file: string;
  /** The 1-based line of the block's first code line in the markdown file. */
  line: number;
  /** How many columns of indentation the fence had; they are stripped from every code line. */
  indent: number;
  /** The code between the fences. */
  code: string;
}

/** A markdown file to check: its path relative to the root and its text. */
export interface MarkdownFile {
  file: string;
  text: string;
}

const fence = /^( {0,3})(`{3,}|~{3,})\s*([^\s`]*)/;
const typescriptLanguages = new Set(['ts', 'typescript']);

/** The ```ts (or ```typescript) code blocks of a markdown text, in order. */
export function extractBlocks({ file, text }: MarkdownFile): CodeBlock[] {
  const lines = text.split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = fence.exec(lines[i] ?? '');
    if (open === null) continue;
    const [, indentText = '', marker = '', language = ''] = open;
    const closing = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
    let end = i + 1;
    while (end < lines.length && !closing.test(lines[end] ?? '')) end++;
    if (typescriptLanguages.has(language.toLowerCase())) {
      const indent = indentText.length;
      const body = lines.slice(i + 1, end).map((line) => line.slice(Math.min(indent, line.length - line.trimStart().length)));
      blocks.push({ file, line: i + 2, indent, code: body.join('\n') });
    }
    i = end;
  }
  return blocks;
}

/** The names a block's top-level statements bring into scope, and those it exports (values and types apart). */
function topLevelNames(source: ts.SourceFile): { declared: Set<string>; values: Set<string>; types: Set<string> } {
  const declared = new Set<string>();
  const values = new Set<string>();
  const types = new Set<string>();
  const bindingNames = (name: ts.BindingName, into: Set<string>[]): void => {
    if (ts.isIdentifier(name)) for (const set of into) set.add(name.text);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) bindingNames(element.name, into);
  };
  const exported = (node: ts.Node) =>
    ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const statement of source.statements) {
    const isExported = exported(statement);
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) bindingNames(declaration.name, isExported ? [declared, values] : [declared]);
    } else if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) {
      declared.add(statement.name.text);
      if (isExported) types.add(statement.name.text);
    } else if (
      (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) &&
      statement.name !== undefined
    ) {
      declared.add(statement.name.text);
      if (isExported) values.add(statement.name.text);
    } else if (ts.isModuleDeclaration(statement) && ts.isIdentifier(statement.name)) {
      declared.add(statement.name.text);
      if (isExported) values.add(statement.name.text);
    } else if (ts.isImportDeclaration(statement) && statement.importClause !== undefined) {
      const { name, namedBindings } = statement.importClause;
      if (name !== undefined) declared.add(name.text);
      if (namedBindings !== undefined && ts.isNamespaceImport(namedBindings)) declared.add(namedBindings.name.text);
      if (namedBindings !== undefined && ts.isNamedImports(namedBindings)) for (const element of namedBindings.elements) declared.add(element.name.text);
    } else if (ts.isImportEqualsDeclaration(statement)) {
      declared.add(statement.name.text);
    } else if (ts.isExportDeclaration(statement) && statement.exportClause !== undefined && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) (statement.isTypeOnly || element.isTypeOnly ? types : values).add(element.name.text);
    }
  }
  for (const name of values) types.delete(name);
  return { declared, values, types };
}

/** The module specifiers a block imports, re-exports or augments, with the 0-based line of each. */
function importedModules(source: ts.SourceFile): { specifier: string; line: number }[] {
  const found: { specifier: string; line: number }[] = [];
  const add = (literal: ts.Expression | ts.ModuleName | undefined) => {
    if (literal !== undefined && ts.isStringLiteralLike(literal)) {
      found.push({ specifier: literal.text, line: source.getLineAndCharacterOfPosition(literal.getStart(source)).line });
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node.moduleSpecifier);
    else if (ts.isModuleDeclaration(node)) add(node.name);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node.arguments[0]);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The package a bare specifier names (`@scope/name` or `name`), or undefined for a relative or builtin one. */
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return undefined;
  if (builtinModules.includes(specifier.split('/')[0] ?? '')) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** What the checker needs besides the markdown: where the repository is and which packages a block may import. */
export interface CheckContext {
  /** The repository root: tsconfig.base.json is read from it and markdown paths are relative to it. */
  root: string;
  /**
   * Packages a block may import: the docs workspace's devDependencies (so turbo builds them before
   * this test) and the root's devDependencies.
   */
  packages: ReadonlySet<string>;
}

/** The packages blocks may import: devDependencies of docs/package.json and of the root package.json. */
export function allowedPackages(root: string): Set<string> {
  const names = new Set<string>();
  for (const manifest of ['docs/package.json', 'package.json']) {
    const pkg = JSON.parse(readFileSync(join(root, manifest), 'utf8')) as { devDependencies?: Record<string, string> };
    for (const name of Object.keys(pkg.devDependencies ?? {})) names.add(name);
  }
  return names;
}

let compilerOptions: ts.CompilerOptions | undefined;
// Parsed declaration files are shared by every program; only the blocks differ between them.
const sourceCache = new Map<string, ts.SourceFile>();

function optionsOf(root: string): ts.CompilerOptions {
  if (compilerOptions !== undefined) return compilerOptions;
  const configPath = join(root, 'tsconfig.base.json');
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  if (config.error !== undefined) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root, undefined, configPath);
  const problems = parsed.errors.filter((d) => d.code !== 18003); // "no inputs": the base config lists no files
  if (problems.length > 0) throw new Error(problems.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('\n'));
  compilerOptions = { ...parsed.options, noEmit: true };
  return compilerOptions;
}

/**
 * Type-checks every ```ts block of the given markdown files. Returns one line per problem,
 * `<file>:<line>:<column> error TS<code>: <message>`, empty when every block compiles. The
 * blocks of each markdown file form one program of their own.
 */
export function checkMarkdown(files: readonly MarkdownFile[], context: CheckContext): string[] {
  const problems: string[] = [];
  for (const file of files) problems.push(...checkFile(file, context));
  return problems;
}

function checkFile(markdown: MarkdownFile, { root, packages }: CheckContext): string[] {
  const blocks = extractBlocks(markdown);
  if (blocks.length === 0) return [];
  const problems: string[] = [];
  const options = optionsOf(root);
  const markdownPath = resolve(root, markdown.file);
  // Virtual files beside the markdown file, so module resolution and the nearest package.json
  // ("type": "module") are what a file there would get.
  const virtual = new Map<string, { block: CodeBlock; text: string; codeLines: number }>();
  const exportsSoFar: { module: string; values: Set<string>; types: Set<string> }[] = [];
  blocks.forEach((block, i) => {
    const path = `${markdownPath}.block${i + 1}.ts`;
    const parsed = ts.createSourceFile(path, block.code, ts.ScriptTarget.Latest, true);
    const names = topLevelNames(parsed);
    // Earlier blocks' exports, imported at the end (imports are hoisted) so line numbers stay the block's.
    const prelude: string[] = [];
    const taken = new Set(names.declared);
    for (const earlier of [...exportsSoFar].reverse()) {
      const values = [...earlier.values].filter((n) => !taken.has(n));
      const types = [...earlier.types].filter((n) => !taken.has(n));
      for (const n of [...values, ...types]) taken.add(n);
      if (values.length > 0) prelude.push(`import { ${values.join(', ')} } from './${earlier.module}';`);
      if (types.length > 0) prelude.push(`import type { ${types.join(', ')} } from './${earlier.module}';`);
    }
    const text = `${block.code}\n${prelude.join(' ')}\nexport {};\n`;
    virtual.set(path, { block, text, codeLines: block.code.split('\n').length });
    exportsSoFar.push({ module: `${path.slice(dirname(path).length + 1).replace(/\.ts$/, '.js')}`, values: names.values, types: names.types });
    for (const { specifier, line } of importedModules(parsed)) {
      const name = packageOf(specifier);
      if (name !== undefined && !packages.has(name)) {
        problems.push(
          `${block.file}:${block.line + line}:${block.indent + 1} error: imports "${specifier}", but "${name}" is not a devDependency of docs/package.json (add it, so that turbo builds it before this test)`,
        );
      }
    }
  });

  const host = ts.createCompilerHost(options, true);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (path) => virtual.get(path)?.text ?? readFile(path);
  host.fileExists = (path) => virtual.has(path) || fileExists(path);
  host.getSourceFile = (path, languageVersion, onError, shouldCreate) => {
    const entry = virtual.get(path);
    if (entry !== undefined) return ts.createSourceFile(path, entry.text, languageVersion, true);
    const cached = sourceCache.get(path);
    if (cached !== undefined) return cached;
    const created = getSourceFile(path, languageVersion, onError, shouldCreate);
    if (created !== undefined) sourceCache.set(path, created);
    return created;
  };
  host.getCurrentDirectory = () => root;

  const program = ts.createProgram({ rootNames: [...virtual.keys()], options, host });
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    const entry = diagnostic.file === undefined ? undefined : virtual.get(diagnostic.file.fileName);
    if (diagnostic.file === undefined || diagnostic.start === undefined) {
      problems.push(`${markdown.file}: error TS${diagnostic.code}: ${message}`);
    } else if (entry === undefined) {
      const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
      problems.push(`${relative(root, diagnostic.file.fileName)}:${line + 1}:${character + 1} error TS${diagnostic.code}: ${message} (checking ${markdown.file})`);
    } else {
      const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
      const where = line < entry.codeLines ? `${entry.block.line + line}:${entry.block.indent + character + 1}` : `${entry.block.line}:1`;
      problems.push(`${markdown.file}:${where} error TS${diagnostic.code}: ${message}`);
    }
  }
  return problems;
}
