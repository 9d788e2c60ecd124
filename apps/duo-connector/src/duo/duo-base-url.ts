import { AppError } from '@seatwise/shared/errors/app-error';

/**
 * `api-xxxx.duosecurity.com` → https://api-xxxx.duosecurity.com; a full `http(s)://host:port` URL is kept (the
 * simulator). A bare host inherits `defaultScheme`, so children of an http parent are reached over http.
 */
export function resolveBaseUrl(apiHostname: string, defaultScheme: 'https:' | 'http:' = 'https:'): URL {
  const text = apiHostname.trim();
  let url: URL;
  try {
    url = new URL(withScheme(text, defaultScheme));
  } catch (error) {
    throw new AppError('CONFIG.INVALID', `invalid Duo API hostname: ${text}`, undefined, { cause: error });
  }
  if (
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    url.hostname === '' ||
    url.pathname !== '/' ||
    url.search !== '' ||
    url.username !== '' ||
    url.password !== ''
  ) {
    throw new AppError('CONFIG.INVALID', `invalid Duo API hostname: ${text}`);
  }
  return url;
}

/** The API hostname as a URL string, as written: a bare host gets `defaultScheme`. */
export function withScheme(apiHostname: string, defaultScheme: 'https:' | 'http:'): string {
  const text = apiHostname.trim();
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `${defaultScheme}//${text}`;
}
