// Small DOM helpers. Everything the desktop shows from the server or the customer goes in as text, never as HTML.

/** Creates an element: h('button', {type: 'button', onclick: fn}, 'Accept'). Children are nodes or text. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : String(child));
  }
}

/** Any JSON value as one line of text. */
export function display(value) {
  if (value === null || value === undefined) {
    return '–';
  }
  if (typeof value === 'object') {
    return JSON.stringify(value);
  }
  return String(value);
}

/** A definition list of an object's keys and values, or a muted line when it has none. */
export function definitions(object, emptyText) {
  const entries = object && typeof object === 'object' ? Object.entries(object) : [];
  if (entries.length === 0) {
    return h('p', { class: 'empty' }, emptyText);
  }
  return h('dl', {}, entries.map(([key, value]) => [h('dt', {}, key), h('dd', {}, display(value))]));
}

/** A time as the agent's browser shows it, in a <time> element. */
export function time(iso) {
  if (!iso) {
    return h('span', {}, '–');
  }
  const date = new Date(iso);
  return h('time', { datetime: iso }, date.toLocaleString());
}

let ids = 0;

/** A page-unique id for label/control pairs. */
export function uniqueId(prefix) {
  ids += 1;
  return `${prefix}-${ids}`;
}

/** Whether the focus is in a place where the agent types (so an offer does not steal it). */
export function typing() {
  const active = document.activeElement;
  return !!active && (active.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(active.tagName));
}
