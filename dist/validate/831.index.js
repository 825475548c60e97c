export const id = 831;
export const ids = [831];
export const modules = {

/***/ 5831:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   railwayConfigSchema: () => (/* binding */ railwayConfigSchema),
/* harmony export */   vercelConfigSchema: () => (/* binding */ vercelConfigSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8816);
/**
 * The documented shape of the platforms' config files, in zod.
 *
 * The platforms' own JSON Schemas (railway.com/railway.schema.json, openapi.vercel.sh/vercel.json)
 * are served from their sites only: no npm package ships them and no licensed copy could be
 * vendored. So these are the subsets documented in Railway's "Config as Code" reference and
 * Vercel's "Project Configuration" page: the fields a deploy depends on are typed, and a key
 * outside them is a warning (it may be newer than this list, or a typo).
 */

const command = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable();
const railwayBuild = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    builder: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['RAILPACK', 'DOCKERFILE', 'NIXPACKS', 'HEROKU', 'PAKETO']).optional(),
    buildCommand: command.optional(),
    watchPatterns: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).optional(),
    dockerfilePath: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable().optional(),
    railpackVersion: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable().optional(),
    nixpacksConfigPath: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable().optional(),
    nixpacksPlan: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J()).nullable().optional(),
    nixpacksVersion: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable().optional(),
    buildEnvironment: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['V2', 'V3']).nullable().optional(),
});
const railwayDeploy = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    startCommand: command.optional(),
    preDeployCommand: zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP())])
        .nullable()
        .optional(),
    numReplicas: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(0).nullable().optional(),
    multiRegionConfig: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ numReplicas: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(0) }).nullable()).optional(),
    healthcheckPath: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().startsWith('/', 'expected a path starting with /').nullable().optional(),
    healthcheckTimeout: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive().nullable().optional(),
    restartPolicyType: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['ON_FAILURE', 'ALWAYS', 'NEVER']).optional(),
    restartPolicyMaxRetries: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(0).nullable().optional(),
    cronSchedule: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable().optional(),
    sleepApplication: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().nullable().optional(),
    region: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable().optional(),
    overlapSeconds: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().min(0).nullable().optional(),
    drainingSeconds: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().min(0).nullable().optional(),
    runtime: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['V2', 'LEGACY', 'UNSPECIFIED']).nullable().optional(),
    limitOverride: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J()).nullable().optional(),
    requiredMountPath: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable().optional(),
    useLegacyStacker: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().nullable().optional(),
});
const railwayStage = { build: railwayBuild.optional(), deploy: railwayDeploy.optional() };
const railwayConfigSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    $schema: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    ...railwayStage,
    environments: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej(railwayStage)).optional(),
});
const source = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1);
const condition = zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    type: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['header', 'cookie', 'host', 'query']),
    key: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    value: zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J())]).optional(),
}));
const matched = { has: condition.optional(), missing: condition.optional() };
const vercelConfigSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    $schema: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    version: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(2).optional(),
    name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    framework: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable().optional(),
    buildCommand: command.optional(),
    devCommand: command.optional(),
    installCommand: command.optional(),
    ignoreCommand: command.optional(),
    outputDirectory: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable().optional(),
    public: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().optional(),
    cleanUrls: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().optional(),
    trailingSlash: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().optional(),
    regions: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).optional(),
    functionFailoverRegions: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).optional(),
    bunVersion: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    fluid: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().optional(),
    functions: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        runtime: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
        memory: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(128).max(10_240).optional(),
        maxDuration: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive().optional(),
        includeFiles: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
        excludeFiles: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
        regions: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).optional(),
        supportsCancellation: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().optional(),
    }))
        .optional(),
    crons: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ path: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().startsWith('/'), schedule: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(9) })).optional(),
    rewrites: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ source, destination: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), ...matched })).optional(),
    redirects: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        source,
        destination: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
        permanent: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().optional(),
        statusCode: zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(301), zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(302), zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(307), zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(308)]).optional(),
        ...matched,
    }))
        .optional(),
    headers: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ source, headers: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ key: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), value: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP() })), ...matched }))
        .optional(),
    routes: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J())).optional(),
    builds: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J())).optional(),
    images: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J()).optional(),
    git: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J()).optional(),
    github: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J()).optional(),
    env: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).optional(),
    build: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ env: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).optional() }).optional(),
})
    .superRefine((config, ctx) => {
    // Vercel refuses `routes` next to the newer routing keys ("mixed routing properties").
    if (config.routes === undefined)
        return;
    for (const key of ['rewrites', 'redirects', 'headers', 'cleanUrls', 'trailingSlash']) {
        if (config[key] !== undefined) {
            ctx.addIssue({
                code: 'custom',
                path: [key],
                message: `cannot be used together with \`routes\` (Vercel refuses the deployment)`,
            });
        }
    }
});


/***/ })

};
