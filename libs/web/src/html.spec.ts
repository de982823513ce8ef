import { attrs, html, raw } from './html';

describe('html templates', () => {
  it('escapes interpolated text, also in attributes', () => {
    const name = `<script>alert("x")</script> & 'co'`;
    expect(html`<p title="${name}">${name}</p>`.toString()).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;</p>',
    );
  });

  it('nests templates without escaping them twice, joins arrays and drops null, undefined and false', () => {
    const items = ['a<b', 'c'].map((s) => html`<li>${s}</li>`);
    // prettier-ignore
    const rendered = html`<ul>${items}</ul>${null}${undefined}${false}${0}`;
    expect(rendered.toString()).toBe('<ul><li>a&lt;b</li><li>c</li></ul>0');
  });

  it('passes raw markup through only when asked to', () => {
    expect(html`${raw('<br>')}${'<br>'}`.toString()).toBe('<br>&lt;br&gt;');
  });

  it('renders attributes: true as a bare attribute, false and null left out', () => {
    expect(
      attrs({ id: 'x"y', required: true, disabled: false, 'aria-invalid': null }).toString(),
    ).toBe(' id="x&quot;y" required');
  });
});
