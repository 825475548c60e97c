export const id = 402;
export const ids = [402];
export const modules = {

/***/ 4402:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   validatorFor: () => (/* binding */ validatorFor)
/* harmony export */ });
/* harmony import */ var ajv__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2463);
/* harmony import */ var ajv__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(ajv__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _railway_config_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2520);
/**
 * The compiled JSON Schema validators of the platform config files, loaded only when a config file
 * is found (Ajv and Vercel's schemas stay out of a run that has none).
 */


const compiled = new Map();
/**
 * Each schema compiled once per process. Vercel's is compiled with the published parts the file
 * uses only: they are what takes Ajv time (a few hundred milliseconds for all of them).
 */
async function validatorFor(platform, data) {
    const keys = platform === 'vercel' && typeof data === 'object' && data !== null ? Object.keys(data).sort() : [];
    const cacheKey = `${platform}:${keys.join(',')}`;
    let validator = compiled.get(cacheKey);
    if (!validator) {
        // strict: false, because Vercel's schemas carry annotations of their own (`private`).
        // verbose: each error carries its schema, whose keys name what an unknown key was meant to be.
        const ajv = new ajv__WEBPACK_IMPORTED_MODULE_1__.Ajv({ allErrors: true, strict: false, verbose: true });
        const schema = platform === 'vercel' ? (await __webpack_require__.e(/* import() */ 918).then(__webpack_require__.bind(__webpack_require__, 6918))).vercelConfigSchema(new Set(keys)) : _railway_config_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .railwayConfigSchema */ .d;
        validator = ajv.compile(schema);
        compiled.set(cacheKey, validator);
    }
    return validator;
}


/***/ })

};
