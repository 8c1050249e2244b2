// The console's HTTP API, and the toast that reports what has no better place on the page.

/**
 * GET (no body) or POST JSON; a refusal throws an Error with the server's `code` (what to tell the
 * person: text-limit.js refusalText), message and problems.
 */
export async function api(path, body) {
  const init =
    body === undefined
      ? {}
      : {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        };
  const response = await fetch(path, init);
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    const error = new Error(data && data.error ? data.error : `HTTP ${response.status}`);
    error.status = response.status;
    error.code = data && typeof data.code === 'string' ? data.code : undefined;
    error.problems = data && Array.isArray(data.problems) ? data.problems : [];
    error.told = data && typeof data.told === 'string' ? data.told : undefined;
    throw error;
  }
  return data;
}

let toastTimer;
export function toast(message) {
  const el = document.getElementById('toast');
  el.textContent = message;
  el.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (el.hidden = true), 5000);
}
