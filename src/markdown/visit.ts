// `visit` and `visitParents` with unist-util-visit's API and order (preorder; SKIP, EXIT, CONTINUE
// and an index to go on at), written here because the library's walk was the largest single cost
// of rendering a note: per node it makes a closure, copies the ancestor list and renames a
// function for debugging (`Object.defineProperty(visit, 'name', …)`), and `visit` looks each node
// up again with `indexOf` in its parent. This walk allocates nothing per node.
// Tests: a type name or nothing. Enter visitors only (no `exit`).
import type { Node, Parent } from 'unist';
import type { BuildVisitor as BuildParentsVisitor } from 'unist-util-visit-parents';
import type { BuildVisitor } from 'unist-util-visit';

export const CONTINUE = true;
export const EXIT = false;
export const SKIP = 'skip';

type Test = string | ((node: Node, index: number | undefined, parent: Parent | undefined) => boolean) | null | undefined;
type AnyVisitor = (node: Node, second: unknown, third?: unknown) => unknown;

const STOP = Symbol('exit');

function walk(tree: Node, test: Test, visitor: AnyVisitor, withParents: boolean, reverse: boolean): void {
  const step = reverse ? -1 : 1;
  const ancestors: Parent[] = [];
  const matches =
    test === null || test === undefined ? () => true : typeof test === 'string' ? (node: Node) => node.type === test : test;

  const one = (node: Node, index: number | undefined, parent: Parent | undefined): number | undefined | typeof STOP => {
    let action: unknown;
    let jump: unknown;
    if (matches(node, index, parent)) {
      const result = withParents ? visitor(node, ancestors, index) : visitor(node, index, parent);
      if (Array.isArray(result)) [action, jump] = result;
      else if (typeof result === 'number') jump = result;
      else action = result;
      if (action === EXIT) return STOP;
    }
    const children = (node as Partial<Parent>).children;
    if (children && action !== SKIP) {
      ancestors.push(node as Parent);
      let offset = reverse ? children.length - 1 : 0;
      while (offset > -1 && offset < children.length) {
        const next = one(children[offset]!, offset, node as Parent);
        if (next === STOP) return STOP;
        offset = typeof next === 'number' ? next : offset + step;
      }
      ancestors.pop();
    }
    return typeof jump === 'number' ? jump : undefined;
  };
  one(tree, undefined, undefined);
}

/** unist-util-visit's `visit`: the visitor gets the node, its index and its parent. */
export function visit<Tree extends Node, Check extends string>(tree: Tree, test: Check, visitor: BuildVisitor<Tree, Check>, reverse?: boolean): undefined;
export function visit<Tree extends Node>(tree: Tree, visitor: BuildVisitor<Tree>, reverse?: boolean): undefined;
export function visit(tree: Node, testOrVisitor: unknown, visitorOrReverse?: unknown, maybeReverse?: unknown): undefined {
  if (typeof visitorOrReverse === 'function') walk(tree, testOrVisitor as Test, visitorOrReverse as AnyVisitor, false, maybeReverse === true);
  else walk(tree, undefined, testOrVisitor as AnyVisitor, false, visitorOrReverse === true);
  return undefined;
}

/**
 * unist-util-visit-parents' `visitParents`: the visitor gets the node and its ancestors. The
 * ancestor array is the walk's own: read it during the call, copy it to keep it.
 */
export function visitParents<Tree extends Node, Check extends string>(tree: Tree, test: Check, visitor: BuildParentsVisitor<Tree, Check>, reverse?: boolean): undefined;
export function visitParents<Tree extends Node>(tree: Tree, visitor: BuildParentsVisitor<Tree>, reverse?: boolean): undefined;
export function visitParents(tree: Node, testOrVisitor: unknown, visitorOrReverse?: unknown, maybeReverse?: unknown): undefined {
  if (typeof visitorOrReverse === 'function') walk(tree, testOrVisitor as Test, visitorOrReverse as AnyVisitor, true, maybeReverse === true);
  else walk(tree, undefined, testOrVisitor as AnyVisitor, true, visitorOrReverse === true);
  return undefined;
}
