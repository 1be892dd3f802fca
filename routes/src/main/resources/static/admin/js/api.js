// The REST API as the console calls it: same-origin fetch with the session cookie, the CSRF token on writes
// (docs/security.md), and problem responses turned into ApiError.

/** A refused or failed call: the HTTP status and the problem's stable code, detail and field errors. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.code = problem.code || `http.${status}`;
    this.problem = problem;
  }
}

function cookie(name) {
  const prefix = `${name}=`;
  const entry = document.cookie.split('; ').find(part => part.startsWith(prefix));
  return entry ? decodeURIComponent(entry.slice(prefix.length)) : null;
}

/** The session's CSRF token (the XSRF-TOKEN cookie), or null before the first request of a session set it. */
export function csrfToken() {
  return cookie('XSRF-TOKEN');
}

/** Calls {@code /api/v1 + path}; resolves to the JSON body (or null), rejects with ApiError. */
export async function api(method, path, body) {
  const headers = { 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json, application/problem+json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) {
      headers['X-XSRF-TOKEN'] = token;
    }
  }
  let response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, { code: 'network.unreachable', detail: 'Liaison cannot be reached; check the connection.' });
  }
  const text = await response.text();
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch (e) {
      json = { detail: text.slice(0, 200) };
    }
  }
  if (response.status === 401) {
    // The session ended: the page itself needs a sign-in, and /login brings the browser back here.
    location.assign('/admin/' + location.hash);
  }
  if (!response.ok) {
    throw new ApiError(response.status, json || {});
  }
  return json;
}
