// Files in the console: shown in place under their message (an image inline, anything else as a
// download), attached from a composer, uploaded to POST /api/files before the post that names them.
import { h } from './dom.js';
import { tr } from './labels.js';

/** Images the console serves inline (console-files.ts); anything else is a download. */
const INLINE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

let viewer = '';
/** The largest file the console takes (bytes), or null when it takes none (GET /api/desk). */
let maxFileBytes = null;
export function allowFiles(max) {
  maxFileBytes = typeof max === 'number' ? max : null;
}

/** Whose eyes the files are fetched for (the console's `viewer`, like the conversations). */
export function setFileViewer(id) {
  viewer = id;
}

function fileUrl(file) {
  return `/api/files/${encodeURIComponent(file.id)}?viewer=${encodeURIComponent(viewer)}`;
}

export function formatSize(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

/** The files of a message, or null when it has none. */
export function renderFiles(files) {
  if (!files || !files.length) return null;
  return h(
    'div',
    { class: 'msg-files' },
    files.map((file) => {
      const label = `${file.name} (${formatSize(file.size)})`;
      if (INLINE.has(file.mimeType))
        return h(
          'a',
          {
            class: 'file-image',
            href: fileUrl(file),
            target: '_blank',
            rel: 'noopener',
            title: label,
          },
          h('img', { src: fileUrl(file), alt: file.name, loading: 'lazy' }),
        );
      return h(
        'a',
        { class: 'file-link', href: fileUrl(file), download: file.name, title: label },
        `📎 ${label}`,
      );
    }),
  );
}

/**
 * A composer's "Attach" button and the list of what is attached; `files()` the chosen File objects,
 * `clear()` after sending. `locale()` is the composer's language.
 */
export function attachPicker(locale) {
  // A console without files offers nothing to attach.
  if (maxFileBytes === null) return { button: null, chosen: null, files: () => [], clear() {} };
  const input = h('input', { type: 'file', multiple: true, class: 'file-input', hidden: true });
  const chosen = h('div', { class: 'attached' });
  const button = h(
    'button',
    { type: 'button', class: 'btn btn-attach', title: tr(locale(), 'attach_file') },
    '📎',
  );
  button.setAttribute('aria-label', tr(locale(), 'attach_file'));
  button.addEventListener('click', () => input.click());
  const show = () => {
    chosen.replaceChildren(
      ...[...input.files].map((f) =>
        h('span', { class: 'attached-file' }, `📎 ${f.name} (${formatSize(f.size)})`),
      ),
    );
  };
  input.addEventListener('change', show);
  return {
    button: h('span', { class: 'attach' }, button, input),
    chosen,
    files: () => [...input.files],
    clear() {
      input.value = '';
      show();
    },
  };
}

/**
 * Uploads each file as `as`; resolves to their upload ids. A refusal throws like api() does, with
 * `told`: why, in `lang`, from the server.
 */
export async function uploadFiles(files, as, lang) {
  const ids = [];
  for (const file of files) {
    const query = new URLSearchParams({ as, name: file.name, lang });
    const response = await fetch(`/api/files?${query}`, {
      method: 'POST',
      headers: { 'content-type': file.type || 'application/octet-stream' },
      body: file,
    });
    const data = await response.json().catch(() => null);
    if (!response.ok) {
      const error = new Error(data && data.error ? data.error : `HTTP ${response.status}`);
      error.status = response.status;
      error.code = data && typeof data.code === 'string' ? data.code : undefined;
      error.told = data && typeof data.told === 'string' ? data.told : undefined;
      error.problems = [];
      throw error;
    }
    ids.push(data.id);
  }
  return ids;
}
