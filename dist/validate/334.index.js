export const id = 334;
export const ids = [334];
export const modules = {

/***/ 9334:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   eK: () => (/* binding */ requirementsFor),
/* harmony export */   environmentsNamed: () => (/* binding */ environmentsNamed),
/* harmony export */   servicesNamed: () => (/* binding */ servicesNamed)
/* harmony export */ });
/* unused harmony exports RULE_NAMES, applies */
const RULE_NAMES = (/* unused pure expression or super */ null && (['required', 'min-length', 'pattern', 'enum', 'url', 'equals', 'forbid']));
function layer(target, raw, at) {
    if (!raw)
        return;
    const set = (rule, apply, given) => {
        if (given === undefined)
            return;
        apply();
        target.origin[rule] = at(rule);
    };
    set('required', () => (target.rules.required = raw.required ?? true), raw.required);
    set('min-length', () => (target.rules.minLength = raw['min-length']), raw['min-length']);
    set('pattern', () => (target.rules.pattern = raw.pattern), raw.pattern);
    set('enum', () => (target.rules.enum = raw.enum), raw.enum);
    set('url', () => {
        const url = raw.url;
        target.rules.url = url === false ? undefined : url === true || url === undefined ? ['http', 'https'] : url.schemes;
    }, raw.url);
    set('equals', () => (target.rules.equals = raw.equals), raw.equals);
    set('forbid', () => (target.rules.forbid = Array.isArray(raw.forbid) ? raw.forbid : [raw.forbid]), raw.forbid);
    if (raw['case-sensitive'] !== undefined)
        target.rules.caseSensitive = raw['case-sensitive'];
}
function scopeNames(scope) {
    if (scope === undefined)
        return undefined;
    return Array.isArray(scope) ? scope : Object.keys(scope);
}
/** Whether the variable is needed in this scope; an unnamed service or environment matches any. */
function applies(spec, scope) {
    const services = scopeNames(spec?.services);
    const environments = scopeNames(spec?.environments);
    if (services && scope.service !== undefined && !services.includes(scope.service))
        return false;
    if (environments && (scope.environment === undefined || !environments.includes(scope.environment)))
        return false;
    return true;
}
function requirementsFor(loaded, example, scope) {
    const requirements = new Map();
    for (const [variable, spec] of Object.entries(loaded?.schema.variables ?? {})) {
        if (!loaded || !applies(spec, scope))
            continue;
        const base = ['variables', variable];
        const declared = { file: loaded.file, line: loaded.lineOf(base, { key: true }) };
        const target = { rules: { required: true, caseSensitive: false }, origin: {} };
        target.origin.required = declared;
        const at = (prefix) => (rule) => {
            const line = loaded.lineOf([...prefix, rule], { key: true });
            return { file: loaded.file, line: line ?? declared.line };
        };
        layer(target, spec, at(base));
        for (const [kind, name] of [
            ['services', scope.service],
            ['environments', scope.environment],
        ]) {
            const map = spec?.[kind];
            if (name === undefined || map === undefined || Array.isArray(map))
                continue;
            layer(target, map[name], at([...base, kind, name]));
        }
        requirements.set(variable, {
            variable,
            rules: target.rules,
            declared,
            origin: target.origin,
            secret: spec?.secret ?? true,
            ...(spec?.description ? { description: spec.description } : {}),
        });
    }
    for (const key of example?.keys ?? []) {
        if (!example || requirements.has(key.name))
            continue;
        const declared = { file: example.file, line: key.line };
        requirements.set(key.name, {
            variable: key.name,
            rules: { required: true, caseSensitive: false },
            declared,
            origin: { required: declared },
            secret: true,
        });
    }
    return [...requirements.values()];
}
/** Every service the schema names, in the order first written. */
/** Every environment the schema knows: its `environments` list and every rule's scope. */
function environmentsNamed(schema) {
    const names = new Set(schema.environments ?? []);
    for (const spec of Object.values(schema.variables))
        for (const n of scopeNames(spec?.environments) ?? [])
            names.add(n);
    return [...names];
}
function servicesNamed(schema) {
    const names = new Set(schema.services ?? []);
    for (const spec of Object.values(schema.variables))
        for (const n of scopeNames(spec?.services) ?? [])
            names.add(n);
    return [...names];
}


/***/ })

};
