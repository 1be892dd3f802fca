// The REST API as the desktop calls it: the session cookie, the CSRF token on writes, problems as ApiError.

/** A refused or failed call: the problem's stable code, what the server said, and the fields it names. */
export class ApiError extends Error {
  constructor(status, problem) {
    const body = problem || {};
    super(body.detail || body.title || `HTTP ${status}`);
    this.status = status;
    this.code = body.code || (status === 0 ? 'network.unreachable' : `http.${status}`);
    this.title = body.title || '';
    this.detail = body.detail || '';
    this.fields = Array.isArray(body.errors) ? body.errors : [];
  }

  /** One line for the agent: the message, the fields it names, and the code to quote to support. */
  describe() {
    const fields = this.fields.map((f) => `${f.field}: ${f.message}`).join('; ');
    return [this.message, fields].filter(Boolean).join(' — ');
  }
}

/** The session is gone (401): the desktop stops and offers to sign in again. */
export class SessionExpired extends ApiError {}

function cookie(name) {
  const prefix = `${name}=`;
  const found = document.cookie.split('; ').find((c) => c.startsWith(prefix));
  return found ? decodeURIComponent(found.slice(prefix.length)) : null;
}

/**
 * A client of /api/v1 for this browser session. onSessionExpired runs once, at the first 401.
 * X-Requested-With makes the server answer 401 without a Basic challenge, so the browser shows no password dialog.
 */
export function createApi({ onSessionExpired }) {
  let expired = false;

  async function request(method, path, body) {
    if (expired) {
      throw new SessionExpired(401, { code: 'auth.unauthenticated', detail: 'the session has ended' });
    }
    const headers = {
      Accept: 'application/json, application/problem+json',
      'X-Requested-With': 'XMLHttpRequest',
    };
    if (method !== 'GET') {
      const token = cookie('XSRF-TOKEN');
      if (token) {
        headers['X-XSRF-TOKEN'] = token;
      }
    }
    const init = { method, headers, credentials: 'same-origin', cache: 'no-store' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(path, init);
    } catch (e) {
      throw new ApiError(0, { title: 'Liaison cannot be reached', detail: `Liaison cannot be reached (${e.message})` });
    }
    const type = response.headers.get('Content-Type') || '';
    const data = response.status !== 204 && type.includes('json') ? await response.json().catch(() => null) : null;
    if (response.status === 401) {
      expired = true;
      onSessionExpired();
      throw new SessionExpired(401, data);
    }
    if (!response.ok) {
      throw new ApiError(response.status, data || { title: `${response.status} ${response.statusText}` });
    }
    return data;
  }

  return {
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body === undefined ? {} : body),
    put: (path, body) => request('PUT', path, body),
    patch: (path, body) => request('PATCH', path, body),
    /** Ends the browser session (POST /logout with the CSRF token). */
    async signOut() {
      const token = cookie('XSRF-TOKEN');
      const response = await fetch('/logout', {
        method: 'POST',
        credentials: 'same-origin',
        headers: token ? { 'X-XSRF-TOKEN': token } : {},
      });
      if (!response.ok) {
        throw new ApiError(response.status, { title: 'Sign-out failed', detail: `sign-out failed (${response.status})` });
      }
    },
  };
}
