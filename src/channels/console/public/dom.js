// Small DOM helpers. Data only ever reaches the page as text nodes or attribute values, never as HTML.

/** Creates an element: h('p', { class: 'x', onclick: fn }, 'text', child). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/**
 * Makes `container`'s children match `items` in order, reusing the element of an item whose key and
 * version are unchanged (so open forms and half-typed replies survive the one-second poll).
 */
export function syncList(container, items, { key, version, build, update }) {
  const existing = new Map();
  for (const el of container.children) if (el.dataset.key) existing.set(el.dataset.key, el);
  let previous = null;
  for (const item of items) {
    const k = key(item);
    const v = version(item);
    let el = existing.get(k);
    existing.delete(k);
    if (!el || el.dataset.version !== v) {
      const fresh = build(item);
      fresh.dataset.key = k;
      fresh.dataset.version = v;
      if (el) el.replaceWith(fresh);
      el = fresh;
    }
    if (update) update(el, item);
    const expected = previous ? previous.nextElementSibling : container.firstElementChild;
    if (expected !== el) container.insertBefore(el, expected);
    previous = el;
  }
  for (const el of existing.values()) el.remove();
  for (const el of [...container.children]) if (!el.dataset.key) el.remove();
}

export function initials(name) {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0].toUpperCase())
    .join('');
}

/** Replies starting with // or note: are internal notes: they stay in the agents' thread. */
export function isInternalNote(text) {
  return /^\s*(\/\/|note:)/i.test(text);
}
