// Class and attribute names that the renderer writes and the browser scripts (and styles) look
// for: spelled once, here. Renaming one is a change to both sides.

/** A figure: `figure.figure[data-figure=kind] > .figure-media`, an enlarge button, a caption. */
export const FIGURE = 'figure';
export const FIGURE_MEDIA = 'figure-media';
export const FIGURE_ENLARGE = 'figure-enlarge';
/** `data-figure` on a figure: what it shows. Diagram errors are not opened by the viewer. */
export const FIGURE_KIND_ATTRIBUTE = 'data-figure';
// Plain string constants, not an object: the bundler inlines them into each browser script.
export const FIGURE_DIAGRAM = 'diagram';
export const FIGURE_IMAGE = 'image';
export const FIGURE_DIAGRAM_ERROR = 'diagram-error';
/** A diagram's PlantUML source, under its figure (`details.diagram-source > pre > code`). */
export const DIAGRAM_SOURCE = 'diagram-source';

/** The `#` link on headings (copies the section's address). */
export const HEADING_ANCHOR = 'heading-anchor';
/** Code blocks: `div.code-block > button.copy-code + pre`. */
export const CODE_BLOCK = 'code-block';
export const COPY_CODE = 'copy-code';
