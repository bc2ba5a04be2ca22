import pkg from '../package.json';

/** Reported by Versions.ListVersions: our own version as "core", the API version our .proto files follow. */
export const CORE_VERSION = `${pkg.version}-embedded`;
export const API_VERSION = '3.29.2';
