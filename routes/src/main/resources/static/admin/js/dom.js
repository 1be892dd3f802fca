// Small DOM helpers: elements are built with text nodes, never from HTML strings.

let sequence = 0;

/** A unique element id with a readable prefix. */
export function uid(prefix) {
  sequence += 1;
  return `${prefix}-${sequence}`;
}

/** Creates an element; props set properties (or attributes for aria-*, data-*, for), on* add listeners. */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'class') {
      el.className = value;
    } else if (key.startsWith('aria-') || key.startsWith('data-') || key === 'for' || !(key in el)) {
      el.setAttribute(key, value === true ? '' : String(value));
    } else {
      el[key] = value;
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    el.append(child instanceof Node ? child : String(child));
  }
}

/** A labelled form field: the label points at the control, the hint describes it. */
export function field(labelText, control, hintText) {
  if (!control.id) {
    control.id = uid('f');
  }
  const parts = [h('label', { for: control.id }, labelText), control];
  if (hintText) {
    const hint = h('span', { class: 'hint', id: uid('hint') }, hintText);
    control.setAttribute('aria-describedby', [control.getAttribute('aria-describedby'), hint.id].filter(Boolean).join(' '));
    parts.push(hint);
  }
  return h('div', { class: 'field' }, parts);
}

/** A table with a caption, header cells and rows of cells (strings, nodes or {text, num}). */
export function table(caption, headers, rows, rowProps = () => ({})) {
  return h('table', {},
    h('caption', { class: 'hint' }, caption),
    h('thead', {}, h('tr', {}, headers.map(head => h('th', { scope: 'col', class: head.num ? 'num' : null }, head.text ?? head)))),
    h('tbody', {}, rows.map((cells, i) => h('tr', rowProps(i), cells.map(cell =>
      cell && cell.num !== undefined ? h('td', { class: 'num' }, cell.num) : h('td', {}, cell))))));
}

/** Replaces the children of {@code el}. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
}
