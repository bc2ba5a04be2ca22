// Which Material Symbols icons the console uses, read from its source (src/app, specs excluded).
//
// An icon name reaches the screen in one of two ways, and both are read here:
// - written in a template: `<mat-icon>refresh</mat-icon>`, or as string literals inside the
//   interpolation (`{{ on ? 'check' : 'remove' }}`);
// - held in TypeScript by a property or constant named `icon`/`icons` (or ending in `Icon`/`Icons`,
//   e.g. `ACTION_ICONS`), and shown with `{{ item.icon }}` or `{{ icons[action] }}`: every string
//   literal in its initializer that is a value (not a key) is taken.
// A `<mat-icon>` whose interpolation reads neither a literal nor such a property cannot be traced to
// a name: it is reported as untraceable, and the icon build fails (the glyph would be missing from
// the subset font and the operator would see the icon's name as text).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import ts from 'typescript';

const ICON_NAME = /^[a-z0-9_]+$/;
const ICON_HOLDER = /^(icons?|.*(Icon|Icons|_ICON|_ICONS))$/i;
const MAT_ICON = /<mat-icon\b[^>]*>([\s\S]*?)<\/mat-icon\s*>/g;
const INTERPOLATION = /\{\{([\s\S]*?)\}\}/g;

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|html)$/.test(entry.name) && !entry.name.endsWith('.spec.ts')) yield path;
  }
}

/**
 * What a `<mat-icon>` interpolation can show: the string literals in its result positions (the
 * branches of `a ? 'x' : 'y'`, both sides of `??`/`||`), and whether some result is read from
 * elsewhere (`item.icon`, `icons[action]`), which must then be an icon holder.
 */
function interpolationResults(expression) {
  const source = ts.createSourceFile('x.ts', `(${expression});`, ts.ScriptTarget.Latest, true);
  const literals = [];
  const reads = [];
  const visit = (node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
      literals.push(node.text);
    else if (ts.isParenthesizedExpression(node)) visit(node.expression);
    else if (ts.isConditionalExpression(node)) {
      visit(node.whenTrue);
      visit(node.whenFalse);
    } else if (
      ts.isBinaryExpression(node) &&
      [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(
        node.operatorToken.kind,
      )
    ) {
      visit(node.left);
      visit(node.right);
    } else reads.push(node.getText(source));
  };
  const statement = source.statements[0];
  if (statement && ts.isExpressionStatement(statement)) visit(statement.expression);
  else reads.push(expression);
  return { literals, reads };
}

/** Icon names in the `<mat-icon>` elements of a template text (an .html file or a .ts file's inline template). */
export function templateIcons(text) {
  const names = [];
  const untraceable = [];
  for (const [, content] of text.matchAll(MAT_ICON)) {
    const body = content.trim();
    if (!body.includes('{{')) {
      if (body) names.push(body);
      continue;
    }
    for (const [, expression] of body.matchAll(INTERPOLATION)) {
      const { literals, reads } = interpolationResults(expression.trim());
      names.push(...literals.filter(Boolean));
      // `icons[action]`, `item.icon`, `look().icon`, `statusIcon(x)`: the last name read is a holder.
      for (const read of reads) {
        const last = /(\w+)\s*(?:\(\s*[^()]*\)|\[[^\]]*\])?\s*$/.exec(read)?.[1] ?? '';
        if (!ICON_HOLDER.test(last)) untraceable.push(body.replace(/\s+/g, ' '));
      }
    }
  }
  return { names, untraceable };
}

const propertyName = (name) =>
  name && (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name))
    ? name.text
    : undefined;

/** String literals that are values (not property keys) inside an initializer. */
function valueLiterals(node, out) {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    out.push(node.text);
    return;
  }
  if (ts.isPropertyAssignment(node)) {
    valueLiterals(node.initializer, out);
    return;
  }
  // Types (`Record<'a', string>`) and call arguments other than values hold no icon names.
  if (ts.isTypeNode(node)) return;
  ts.forEachChild(node, (child) => valueLiterals(child, out));
}

/** Icon names held by TypeScript properties/constants named like icons (see the header). */
export function codeIcons(fileName, text) {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const names = [];
  const visit = (node) => {
    if (
      (ts.isPropertyAssignment(node) ||
        ts.isPropertyDeclaration(node) ||
        ts.isVariableDeclaration(node)) &&
      node.initializer &&
      ICON_HOLDER.test(propertyName(node.name) ?? '')
    ) {
      valueLiterals(node.initializer, names);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names.filter((name) => name !== '');
}

/**
 * Every icon name used under `srcDir`, with the files using it, and the `<mat-icon>` bindings that
 * cannot be traced to a name.
 */
export function usedIcons(root, srcDir = 'src/app') {
  const names = new Map();
  const untraceable = [];
  const add = (name, file) => {
    if (!names.has(name)) names.set(name, new Set());
    names.get(name).add(file);
  };
  for (const path of sourceFiles(join(root, srcDir))) {
    const file = relative(root, path);
    const text = readFileSync(path, 'utf8');
    const fromTemplates = templateIcons(text);
    fromTemplates.names.forEach((name) => add(name, file));
    untraceable.push(...fromTemplates.untraceable.map((binding) => ({ file, binding })));
    if (path.endsWith('.ts')) codeIcons(path, text).forEach((name) => add(name, file));
  }
  return { names, untraceable };
}

export const isIconName = (name) => ICON_NAME.test(name);
