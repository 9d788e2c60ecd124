// DI tokens for values (not classes) the platform provides.
export const APP_ENV = Symbol('APP_ENV');
export const SERVICE_INFO = Symbol('SERVICE_INFO');
export const LOGGER = Symbol('LOGGER');
