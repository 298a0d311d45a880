// kramdown's reading of raw HTML (kramdown-raw-html.ts) where the conformance cases do not reach:
// what it leaves to the HTML parser when it cannot know better, and the elements with no body.
import { describe, expect, it } from 'vitest';
import { isRawSpan, kramdownRawHtml, readRawHtml, readRawSpan } from '../../../src/markdown/kramdown-raw-html.ts';

describe('raw HTML blocks read the kramdown way', () => {
  it('shows an end tag of no open element as text, inside an element', () => {
    expect(kramdownRawHtml('<div>\n</p>\n<http://x.y>\n</div>')).toBe('<div>\n&lt;/p&gt;\n&lt;http://x.y&gt;\n</div>');
  });

  it('leaves an end tag to the HTML parser when its start tag came before this block', () => {
    const open = ['div'];
    expect(readRawHtml('<span>x</span>\n</section>\n</div>', open)).toEqual([{ kind: 'html', value: '<span>x</span>\n</section>\n</div>' }]);
    expect(open).toEqual([]);
  });

  it('keeps entity references and the text of scripts as written', () => {
    expect(kramdownRawHtml('<td>a &amp; b & c</td>')).toBe('<td>a &amp; b &amp; c</td>');
    expect(kramdownRawHtml('<div><script>if (a < b) x();</script></div>')).toBe('<div><script>if (a < b) x();</script></div>');
  });
});

describe('raw inline elements', () => {
  it('gives elements without a body no content', () => {
    expect(isRawSpan('br', '')).toBe(false);
    expect(isRawSpan('img', ' src="a.png"')).toBe(false);
    expect(isRawSpan('kbd', '')).toBe(true);
    expect(isRawSpan('span', ' markdown="0"')).toBe(true);
    expect(isRawSpan('span', '')).toBe(false);
  });

  it('reads up to its own end tag, and closes what is still open where the paragraph ends', () => {
    const text = 'A <kbd>*x*<br>y</kbd> and <u>z';
    expect(readRawSpan(text, 7, text.length, 'kbd')).toEqual({ html: '*x*<br>y</kbd>', end: 21 });
    expect(readRawSpan(text, 29, text.length, 'u')).toEqual({ html: 'z</u>', end: 30 });
  });
});
