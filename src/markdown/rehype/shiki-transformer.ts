// Shiki, in a module of its own: importing it costs 0.1–0.2 s, paid only when a note has a code
// block the highlight cache does not hold (rehype-highlight-code.ts imports this when needed).
export { default as rehypeShiki } from '@shikijs/rehype';
