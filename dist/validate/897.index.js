export const id = 897;
export const ids = [897,334];
export const modules = {

/***/ 2897:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkVariables: () => (/* binding */ checkVariables)
});

;// CONCATENATED MODULE: ./actions/validate/src/check-value.ts
function same(a, b, caseSensitive) {
    return caseSensitive ? a === b : a.toLowerCase() === b.toLowerCase();
}
function quoteList(values) {
    return values.map((v) => `'${v}'`).join(', ');
}
function checkValue(value, rules) {
    if (value === undefined)
        return rules.required ? [{ rule: 'required', message: 'missing' }] : [];
    if (value.trim() === '')
        return rules.required ? [{ rule: 'required', message: 'set but empty' }] : [];
    const violations = [];
    const cs = rules.caseSensitive;
    // Length in characters as a person counts them (an emoji is one).
    const length = [...value].length;
    if (rules.minLength !== undefined && length < rules.minLength) {
        violations.push({ rule: 'min-length', message: `too short (${length} < ${rules.minLength})` });
    }
    if (rules.pattern !== undefined && !new RegExp(rules.pattern).test(value)) {
        violations.push({ rule: 'pattern', message: `does not match the pattern /${rules.pattern}/` });
    }
    if (rules.enum !== undefined && !rules.enum.some((allowed) => same(value, allowed, cs))) {
        violations.push({ rule: 'enum', message: `is not one of the allowed values (${quoteList(rules.enum)})` });
    }
    if (rules.url !== undefined) {
        const parsed = URL.canParse(value) ? new URL(value) : undefined;
        if (!parsed || (parsed.hostname === '' && !parsed.protocol.startsWith('file'))) {
            violations.push({ rule: 'url', message: 'is not an absolute URL' });
        }
        else if (!rules.url.includes(parsed.protocol.replace(/:$/, ''))) {
            violations.push({ rule: 'url', message: `is a URL with a scheme that is not allowed (allowed: ${rules.url.join(', ')})` });
        }
    }
    if (rules.equals !== undefined && !same(value, rules.equals, cs)) {
        violations.push({ rule: 'equals', message: `does not equal the required value '${rules.equals}'` });
    }
    if (rules.forbid?.some((forbidden) => same(value, forbidden, cs))) {
        violations.push({ rule: 'forbid', message: 'matches a forbidden value' });
    }
    return violations;
}

// EXTERNAL MODULE: ./actions/validate/src/requirements.ts
var src_requirements = __webpack_require__(9334);
;// CONCATENATED MODULE: ./actions/validate/src/check-variables.ts
/**
 * The variable checks: every requirement of each service in the environment, against the values
 * of the sources. Values shared by every service (the job's environment, dotenv files) are
 * layered, later sources winning; a source bound to one service is checked on its own. A value
 * is registered as a secret as soon as it is looked up.
 */


/** The value from the last source that has the variable; `value` is undefined when that source gives presence only. */
function lookup(layers, variable) {
    for (let i = layers.length - 1; i >= 0; i--) {
        const layer = layers[i];
        if (!layer)
            continue;
        const value = layer.values.values.get(variable);
        if (value !== undefined || layer.values.present?.has(variable))
            return { value, layer };
    }
    return undefined;
}
function checkLayers(requirements, layers, where, setSecret) {
    const findings = [];
    const sourceNames = layers.map((l) => l.source.name).join(', ');
    for (const requirement of requirements) {
        const found = lookup(layers, requirement.variable);
        if (found?.value !== undefined && requirement.secret)
            setSecret(found.value);
        // Set, but its value is not readable (Vercel's encrypted variables): only `required` can be checked, and it holds.
        if (found && found.value === undefined)
            continue;
        for (const violation of checkValue(found?.value, requirement.rules)) {
            // A wrong value points at the line that sets it when it came from a file; else at the rule.
            const at = found?.layer.values.locate?.(requirement.variable) || requirement.origin[violation.rule] || requirement.declared;
            findings.push({
                severity: 'error',
                kind: 'variable',
                rule: violation.rule,
                message: violation.message,
                variable: requirement.variable,
                file: at.file,
                ...(at.line !== undefined ? { line: at.line } : {}),
                ...(where.service !== undefined ? { service: where.service } : {}),
                ...(where.environment !== undefined ? { environment: where.environment } : {}),
                source: found ? found.layer.source.name : sourceNames,
            });
        }
    }
    return findings;
}
/** One finding for a problem several services share, naming them (none when it is all of them). */
function mergeServices(findings, all) {
    const merged = new Map();
    for (const f of findings) {
        const key = JSON.stringify([f.variable, f.rule, f.message, f.file, f.line, f.source]);
        const seen = merged.get(key);
        if (seen && f.service)
            seen.service = seen.service ? `${seen.service}, ${f.service}` : f.service;
        else if (!seen)
            merged.set(key, { ...f });
    }
    const everyService = all.length > 1 ? all.join(', ') : undefined;
    return [...merged.values()].map((f) => {
        if (f.service === undefined || f.service !== everyService)
            return f;
        const { service: _all, ...rest } = f;
        return rest;
    });
}
async function checkVariables(check) {
    const shared = [];
    const perService = [];
    for (const source of check.sources) {
        const values = await source.read();
        (source.service === undefined ? shared : perService).push({ source, values });
    }
    const environment = check.environment;
    const findings = [];
    if (shared.length > 0) {
        const services = check.services.length > 0 ? check.services : [undefined];
        for (const service of services) {
            const requirements = (0,src_requirements/* requirementsFor */.eK)(check.schema, check.example, { service, environment });
            findings.push(...checkLayers(requirements, shared, { service, environment }, check.setSecret));
        }
    }
    for (const layer of perService) {
        const service = layer.source.service;
        const requirements = (0,src_requirements/* requirementsFor */.eK)(check.schema, check.example, { service, environment });
        findings.push(...checkLayers(requirements, [layer], { service, environment }, check.setSecret));
    }
    return mergeServices(findings, check.services);
}


/***/ }),

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
