import pkg from '../package.json';

/**
 * Reported by Versions.ListVersions. `core` is our package version as dotted numbers only:
 * ArmoniK's Admin GUI shows "Unavailable" for anything else (a `-embedded` suffix included).
 * That this is the embedded control plane, not ArmoniK.Core, is said by CONTROL_PLANE_KIND in
 * ListVersions' `x-armonik-control-plane` response header, which clients ignore.
 */
export const CORE_VERSION = pkg.version.replace(/[^0-9.].*$/, '');
export const API_VERSION = '3.29.2';
export const CONTROL_PLANE_KIND = 'embedded';
