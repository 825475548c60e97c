export const id = 918;
export const ids = [918];
export const modules = {

/***/ 2725:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {


var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);
var max_concurrency_exports = {};
__export(max_concurrency_exports, {
  MAX_CONCURRENCY: () => MAX_CONCURRENCY,
  validateMaxConcurrency: () => validateMaxConcurrency
});
module.exports = __toCommonJS(max_concurrency_exports);
var import_assert = __toESM(__webpack_require__(2613));
const MAX_CONCURRENCY = 8192;
function validateMaxConcurrency(value) {
  if (value !== void 0) {
    (0, import_assert.default)(
      Number.isInteger(value) && value >= 1 && value <= MAX_CONCURRENCY,
      '"maxConcurrency" must be an integer from 1 to 8192'
    );
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (0);


/***/ }),

/***/ 940:
/***/ ((module) => {


var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);
var max_duration_exports = {};
__export(max_duration_exports, {
  DEFAULT_MAX_DURATION_LIMIT: () => DEFAULT_MAX_DURATION_LIMIT,
  SKIP_MAX_DURATION_LIMIT_ENV: () => SKIP_MAX_DURATION_LIMIT_ENV,
  getMaxDurationLimit: () => getMaxDurationLimit,
  getMaxDurationSchema: () => getMaxDurationSchema
});
module.exports = __toCommonJS(max_duration_exports);
const DEFAULT_MAX_DURATION_LIMIT = 3600;
const SKIP_MAX_DURATION_LIMIT_ENV = "VERCEL_CLI_SKIP_MAX_DURATION_LIMIT";
function getMaxDurationLimit() {
  if (process.env[SKIP_MAX_DURATION_LIMIT_ENV] === "1") {
    return void 0;
  }
  return DEFAULT_MAX_DURATION_LIMIT;
}
function getMaxDurationSchema() {
  const limit = getMaxDurationLimit();
  return {
    oneOf: [
      {
        type: "integer",
        minimum: 1,
        ...limit !== void 0 ? { maximum: limit } : {}
      },
      { type: "string", enum: ["max"] }
    ]
  };
}
// Annotate the CommonJS export names for ESM import in node:
0 && (0);


/***/ }),

/***/ 5949:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {


var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);
var schemas_exports = {};
__export(schemas_exports, {
  buildsSchema: () => buildsSchema,
  functionsSchema: () => functionsSchema,
  getFunctionsSchema: () => getFunctionsSchema,
  packageManifestSchema: () => packageManifestSchema
});
module.exports = __toCommonJS(schemas_exports);
var import_max_duration = __webpack_require__(940);
var import_max_concurrency = __webpack_require__(2725);
const triggerEventSchemaV1 = {
  type: "object",
  properties: {
    type: {
      type: "string",
      const: "queue/v1beta"
    },
    topic: {
      type: "string",
      minLength: 1
    },
    consumer: {
      type: "string",
      minLength: 1
    },
    maxDeliveries: {
      type: "number",
      minimum: 1
    },
    retryAfterSeconds: {
      type: "number",
      exclusiveMinimum: 0
    },
    initialDelaySeconds: {
      type: "number",
      minimum: 0
    },
    maxConcurrency: {
      type: "number",
      minimum: 1
    }
  },
  required: ["type", "topic", "consumer"],
  additionalProperties: false
};
const triggerEventSchemaV2 = {
  type: "object",
  properties: {
    type: {
      type: "string",
      const: "queue/v2beta"
    },
    topic: {
      type: "string",
      minLength: 1
    },
    maxDeliveries: {
      type: "number",
      minimum: 1
    },
    retryAfterSeconds: {
      type: "number",
      exclusiveMinimum: 0
    },
    initialDelaySeconds: {
      type: "number",
      minimum: 0
    },
    maxConcurrency: {
      type: "number",
      minimum: 1
    }
  },
  required: ["type", "topic"],
  additionalProperties: false
};
const scheduleTriggerEventSchemaV1 = {
  type: "object",
  properties: {
    type: {
      type: "string",
      const: "schedule/v1beta"
    }
  },
  required: ["type"],
  additionalProperties: false
};
const triggerEventSchema = {
  oneOf: [
    triggerEventSchemaV1,
    triggerEventSchemaV2,
    scheduleTriggerEventSchemaV1
  ]
};
const getFunctionsSchema = () => ({
  type: "object",
  minProperties: 1,
  maxProperties: 50,
  additionalProperties: false,
  patternProperties: {
    "^.{1,256}$": {
      type: "object",
      additionalProperties: false,
      properties: {
        architecture: {
          type: "string",
          enum: ["x86_64", "arm64"]
        },
        runtime: {
          type: "string",
          maxLength: 256
        },
        memory: {
          minimum: 128,
          maximum: 10240
        },
        maxDuration: (0, import_max_duration.getMaxDurationSchema)(),
        affinity: {
          type: "object",
          additionalProperties: false,
          required: ["mode"],
          properties: {
            mode: {
              type: "string",
              const: "strict"
            }
          }
        },
        maxConcurrency: {
          type: "integer",
          minimum: 1,
          maximum: import_max_concurrency.MAX_CONCURRENCY
        },
        regions: {
          type: "array",
          items: {
            type: "string"
          }
        },
        functionFailoverRegions: {
          type: "array",
          items: {
            type: "string"
          }
        },
        includeFiles: {
          type: "string",
          maxLength: 256
        },
        excludeFiles: {
          type: "string",
          maxLength: 256
        },
        experimentalTriggers: {
          type: "array",
          items: triggerEventSchema
        },
        supportsCancellation: {
          type: "boolean"
        }
      }
    }
  }
});
const functionsSchema = getFunctionsSchema();
const buildsSchema = {
  type: "array",
  minItems: 0,
  maxItems: 128,
  items: {
    type: "object",
    additionalProperties: false,
    required: ["use"],
    properties: {
      src: {
        type: "string",
        minLength: 1,
        maxLength: 4096
      },
      use: {
        type: "string",
        minLength: 3,
        maxLength: 256
      },
      config: { type: "object" }
    }
  }
};
const packageManifestSchema = {
  type: "object",
  required: ["runtime", "dependencies"],
  additionalProperties: false,
  properties: {
    version: {
      type: "string",
      description: 'Manifest schema version, e.g. "20260304".'
    },
    runtime: {
      type: "string",
      description: 'Runtime identifier, e.g. "python", "node".'
    },
    framework: {
      type: "string",
      description: 'Detected framework slug, e.g. "fastapi", "flask", "hono".'
    },
    serviceType: {
      type: "string",
      description: 'Deployment topology for service builds: "web", "schedule", "queue", or "workflow".'
    },
    buildType: {
      type: "string",
      enum: ["app", "api-dir", "middleware"],
      description: 'What triggered this build: "app" (full application build), "api-dir" (api/ directory build), or "middleware" (middleware build).'
    },
    runtimeVersion: {
      type: "object",
      additionalProperties: false,
      required: ["resolved"],
      properties: {
        requested: {
          type: "string",
          description: 'Version constraint from the project manifest, e.g. ">=3.10".'
        },
        requestedSource: {
          type: "string",
          description: 'File that declared the constraint, e.g. "pyproject.toml".'
        },
        resolved: {
          type: "string",
          description: 'Actual resolved version, e.g. "3.12".'
        }
      }
    },
    dependencies: {
      type: "array",
      items: {
        type: "object",
        required: ["name", "type", "scopes", "resolved"],
        additionalProperties: false,
        properties: {
          name: { type: "string" },
          type: { type: "string", enum: ["direct", "transitive", "peer"] },
          scopes: {
            type: "array",
            items: { type: "string" },
            description: 'Dependency groups this package belongs to, e.g. ["main", "dev"].'
          },
          requested: {
            type: "string",
            description: 'Version specifier as declared, e.g. "flask>=2.0".'
          },
          resolved: {
            type: "string",
            description: 'Resolved version, e.g. "3.1.0".'
          },
          source: {
            type: "string",
            description: 'Package source type, e.g. "registry", "git", "path".'
          },
          sourceUrl: {
            type: "string",
            description: 'Source URL, e.g. "https://pypi.org".'
          }
        }
      }
    }
  }
};
// Annotate the CommonJS export names for ESM import in node:
0 && (0);


/***/ }),

/***/ 7551:
/***/ ((module) => {


var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);
var schemas_exports = {};
__export(schemas_exports, {
  cleanUrlsSchema: () => cleanUrlsSchema,
  hasSchema: () => hasSchema,
  headersSchema: () => headersSchema,
  redirectsSchema: () => redirectsSchema,
  rewritesSchema: () => rewritesSchema,
  routesSchema: () => routesSchema,
  trailingSlashSchema: () => trailingSlashSchema,
  transformsSchema: () => transformsSchema
});
module.exports = __toCommonJS(schemas_exports);
const mitigateSchema = {
  description: "Mitigation action to take on a route",
  type: "object",
  additionalProperties: false,
  required: ["action"],
  properties: {
    action: {
      description: "The mitigation action to take",
      type: "string",
      enum: ["challenge", "deny"]
    }
  }
};
const serviceNameSchema = {
  description: "A service name identifier.",
  type: "string",
  minLength: 1,
  maxLength: 64,
  pattern: "^[a-zA-Z]([a-zA-Z0-9_-]*[a-zA-Z0-9])?$"
};
const serviceDestinationSchema = {
  description: "A service-targeted destination that delegates routing into a named service from `services`. Identified by the presence of `service`.",
  type: "object",
  additionalProperties: false,
  required: ["service"],
  properties: {
    type: {
      description: "Optional explicit format marker. The destination shape is identified by the `service` property, so `type` is no longer required. When present it must be `service`.",
      type: "string",
      enum: ["service"]
    },
    service: serviceNameSchema,
    path: {
      description: "Routing-only path used to select a route inside the target service. It does not mutate the URL observed by user code.",
      type: "string",
      maxLength: 4096
    }
  }
};
const matchableValueSchema = {
  description: "A value to match against. Can be a string (regex) or a condition operation object",
  anyOf: [
    {
      description: "A regular expression used to match thev value. Named groups can be used in the destination.",
      type: "string",
      maxLength: 4096
    },
    {
      description: "A condition operation object",
      type: "object",
      additionalProperties: false,
      minProperties: 1,
      properties: {
        eq: {
          description: "Equal to",
          anyOf: [
            {
              type: "string",
              maxLength: 4096
            },
            {
              type: "number"
            }
          ]
        },
        neq: {
          description: "Not equal",
          type: "string",
          maxLength: 4096
        },
        inc: {
          description: "In array",
          type: "array",
          items: {
            type: "string",
            maxLength: 4096
          }
        },
        ninc: {
          description: "Not in array",
          type: "array",
          items: {
            type: "string",
            maxLength: 4096
          }
        },
        pre: {
          description: "Starts with",
          type: "string",
          maxLength: 4096
        },
        suf: {
          description: "Ends with",
          type: "string",
          maxLength: 4096
        },
        re: {
          description: "Regex",
          type: "string",
          maxLength: 4096
        },
        gt: {
          description: "Greater than",
          type: "number"
        },
        gte: {
          description: "Greater than or equal to",
          type: "number"
        },
        lt: {
          description: "Less than",
          type: "number"
        },
        lte: {
          description: "Less than or equal to",
          type: "number"
        }
      }
    }
  ]
};
const hasSchema = {
  description: "An array of requirements that are needed to match",
  type: "array",
  maxItems: 16,
  items: {
    anyOf: [
      {
        type: "object",
        additionalProperties: false,
        required: ["type", "value"],
        properties: {
          type: {
            description: "The type of request element to check",
            type: "string",
            enum: ["host"]
          },
          value: matchableValueSchema
        }
      },
      {
        type: "object",
        additionalProperties: false,
        required: ["type", "key"],
        properties: {
          type: {
            description: "The type of request element to check",
            type: "string",
            enum: ["header", "cookie", "query"]
          },
          key: {
            description: "The name of the element contained in the particular type",
            type: "string",
            maxLength: 4096
          },
          value: matchableValueSchema
        }
      }
    ]
  }
};
const transformsSchema = {
  description: "A list of transform rules to adjust a request path, request query parameters, or request/response headers",
  type: "array",
  minItems: 1,
  items: {
    type: "object",
    additionalProperties: false,
    required: ["type", "op"],
    properties: {
      type: {
        description: "The scope of the transform to apply",
        type: "string",
        enum: [
          "request.headers",
          "request.query",
          "response.headers",
          "request.path"
        ]
      },
      op: {
        description: "The operation to perform on the target",
        type: "string",
        enum: ["append", "set", "delete"]
      },
      target: {
        description: "The target of the transform",
        type: "object",
        required: ["key"],
        properties: {
          // re is not supported for transforms. Once supported, replace target.key with matchableValueSchema
          key: {
            description: "A value to match against. Can be a string or a condition operation object (without regex support)",
            anyOf: [
              {
                description: "A valid header name (letters, numbers, hyphens, underscores)",
                type: "string",
                maxLength: 4096
              },
              {
                description: "A condition operation object",
                type: "object",
                additionalProperties: false,
                minProperties: 1,
                properties: {
                  eq: {
                    description: "Equal to",
                    anyOf: [
                      {
                        type: "string",
                        maxLength: 4096
                      },
                      {
                        type: "number"
                      }
                    ]
                  },
                  neq: {
                    description: "Not equal",
                    type: "string",
                    maxLength: 4096
                  },
                  inc: {
                    description: "In array",
                    type: "array",
                    items: {
                      type: "string",
                      maxLength: 4096
                    }
                  },
                  ninc: {
                    description: "Not in array",
                    type: "array",
                    items: {
                      type: "string",
                      maxLength: 4096
                    }
                  },
                  pre: {
                    description: "Starts with",
                    type: "string",
                    maxLength: 4096
                  },
                  suf: {
                    description: "Ends with",
                    type: "string",
                    maxLength: 4096
                  },
                  gt: {
                    description: "Greater than",
                    type: "number"
                  },
                  gte: {
                    description: "Greater than or equal to",
                    type: "number"
                  },
                  lt: {
                    description: "Less than",
                    type: "number"
                  },
                  lte: {
                    description: "Less than or equal to",
                    type: "number"
                  }
                }
              }
            ]
          }
        }
      },
      args: {
        description: "The arguments to the operation",
        anyOf: [
          {
            type: "string",
            maxLength: 4096
          },
          {
            type: "array",
            minItems: 1,
            items: {
              type: "string",
              maxLength: 4096
            }
          }
        ]
      },
      env: {
        description: "An array of environment variable names that should be replaced at runtime in the args value",
        type: "array",
        minItems: 1,
        maxItems: 64,
        items: {
          type: "string",
          maxLength: 256
        }
      }
    },
    allOf: [
      {
        if: {
          properties: {
            op: {
              enum: ["append", "set"]
            }
          }
        },
        // biome-ignore lint/suspicious/noThenProperty: JSON Schema if/then keyword
        then: {
          required: ["args"]
        }
      },
      {
        if: {
          allOf: [
            {
              properties: {
                type: {
                  enum: ["request.headers", "response.headers"]
                }
              }
            },
            {
              properties: {
                op: {
                  enum: ["set", "append"]
                }
              }
            }
          ]
        },
        // biome-ignore lint/suspicious/noThenProperty: JSON Schema if/then keyword
        then: {
          properties: {
            target: {
              properties: {
                key: {
                  if: {
                    type: "string"
                  },
                  // biome-ignore lint/suspicious/noThenProperty: JSON Schema if/then keyword
                  then: {
                    pattern: "^[a-zA-Z0-9_-]+$"
                  }
                }
              }
            },
            args: {
              anyOf: [
                {
                  type: "string",
                  pattern: "^[a-zA-Z0-9_ :;.,\"'?!(){}\\[\\]@<>=+*#$&`|~\\^%/-]+$"
                },
                {
                  type: "array",
                  items: {
                    type: "string",
                    pattern: "^[a-zA-Z0-9_ :;.,\"'?!(){}\\[\\]@<>=+*#$&`|~\\^%/-]+$"
                  }
                }
              ]
            }
          }
        }
      },
      {
        if: {
          required: ["type"],
          properties: {
            type: {
              enum: ["request.headers", "request.query", "response.headers"]
            }
          }
        },
        // biome-ignore lint/suspicious/noThenProperty: JSON Schema if/then keyword
        then: {
          required: ["target"]
        }
      },
      {
        if: {
          required: ["type"],
          properties: {
            type: {
              enum: ["request.path"]
            }
          }
        },
        // biome-ignore lint/suspicious/noThenProperty: JSON Schema if/then keyword
        then: {
          required: ["args"],
          not: {
            required: ["target"]
          },
          properties: {
            op: {
              enum: ["set"]
            },
            args: {
              description: "The runtime-visible request path. Must be an origin-form path without query or fragment.",
              type: "string",
              maxLength: 2048,
              pattern: "^/(?!/)(?!.*[?#\\s\\x00-\\x1F\\x7F]).*$"
            }
          }
        }
      }
    ]
  }
};
const rewriteTransformsSchema = {
  description: "A list of request path transforms using path-to-regexp parameters.",
  type: "array",
  minItems: 1,
  items: {
    type: "object",
    additionalProperties: false,
    required: ["type", "op", "args"],
    properties: {
      type: {
        description: "The request path to expose to the target runtime",
        type: "string",
        enum: ["request.path"]
      },
      op: {
        description: "Replace the runtime-visible request path",
        type: "string",
        enum: ["set"]
      },
      args: {
        description: "An origin-form request path. Route parameters use path-to-regexp syntax such as `/:path*`.",
        type: "string",
        maxLength: 2048,
        pattern: "^/(?!/)(?!.*[?#\\s\\x00-\\x1F\\x7F]).*$"
      },
      env: {
        description: "An array of environment variable names that should be replaced at runtime in the args value",
        type: "array",
        minItems: 1,
        maxItems: 64,
        items: {
          type: "string",
          maxLength: 256
        }
      }
    }
  }
};
const routesSchema = {
  type: "array",
  description: "A list of routes objects used to rewrite paths to point towards other internal or external paths",
  example: [{ dest: "https://docs.example.com", src: "/docs" }],
  items: {
    anyOf: [
      {
        type: "object",
        anyOf: [{ required: ["src"] }, { required: ["source"] }],
        additionalProperties: false,
        properties: {
          src: {
            type: "string",
            maxLength: 4096
          },
          source: {
            type: "string",
            maxLength: 4096
          },
          dest: {
            type: "string",
            maxLength: 4096
          },
          destination: {
            anyOf: [
              { type: "string", maxLength: 4096 },
              serviceDestinationSchema
            ]
          },
          headers: {
            type: "object",
            additionalProperties: false,
            minProperties: 1,
            maxProperties: 100,
            patternProperties: {
              "^.{1,256}$": {
                type: "string",
                maxLength: 32768
              }
            }
          },
          methods: {
            type: "array",
            maxItems: 10,
            items: {
              type: "string",
              maxLength: 32
            }
          },
          caseSensitive: {
            type: "boolean"
          },
          important: {
            deprecated: true,
            type: "boolean"
          },
          user: {
            type: "boolean"
          },
          continue: {
            type: "boolean"
          },
          override: {
            deprecated: true,
            type: "boolean"
          },
          check: {
            type: "boolean"
          },
          isInternal: {
            type: "boolean"
          },
          status: {
            type: "integer",
            minimum: 100,
            maximum: 999
          },
          statusCode: {
            type: "integer",
            minimum: 100,
            maximum: 999
          },
          locale: {
            type: "object",
            additionalProperties: false,
            minProperties: 1,
            properties: {
              redirect: {
                type: "object",
                additionalProperties: false,
                minProperties: 1,
                maxProperties: 100,
                patternProperties: {
                  "^.{1,256}$": {
                    type: "string",
                    maxLength: 4096
                  }
                }
              },
              value: {
                type: "string",
                maxLength: 4096
              },
              path: {
                type: "string",
                maxLength: 4096
              },
              cookie: {
                type: "string",
                maxLength: 4096
              },
              default: {
                type: "string",
                maxLength: 4096
              }
            }
          },
          middleware: { type: "number" },
          middlewarePath: { type: "string" },
          middlewareRawSrc: {
            type: "array",
            items: {
              type: "string"
            }
          },
          has: hasSchema,
          missing: hasSchema,
          mitigate: mitigateSchema,
          transforms: transformsSchema,
          env: {
            description: "An array of environment variable names that should be replaced at runtime in the destination or headers",
            type: "array",
            minItems: 1,
            maxItems: 64,
            items: {
              type: "string",
              maxLength: 256
            }
          },
          respectOriginCacheControl: {
            description: "When set to true (default), external rewrites will respect the Cache-Control header from the origin. When false, caching is disabled for this rewrite.",
            type: "boolean"
          }
        }
      },
      {
        type: "object",
        deprecated: true,
        required: ["handle"],
        additionalProperties: false,
        properties: {
          handle: {
            type: "string",
            maxLength: 32,
            enum: ["error", "filesystem", "hit", "miss", "resource", "rewrite"]
          }
        }
      }
    ]
  }
};
const rewritesSchema = {
  type: "array",
  maxItems: 2048,
  description: "A list of rewrite definitions.",
  items: {
    type: "object",
    additionalProperties: false,
    required: ["source", "destination"],
    properties: {
      source: {
        description: "A pattern that matches each incoming pathname (excluding querystring).",
        type: "string",
        maxLength: 4096
      },
      destination: {
        description: "An absolute pathname to an existing resource, an external URL, or a service-targeted destination object.",
        anyOf: [{ type: "string", maxLength: 4096 }, serviceDestinationSchema]
      },
      transforms: rewriteTransformsSchema,
      has: hasSchema,
      missing: hasSchema,
      statusCode: {
        description: "An optional integer to override the status code of the response.",
        type: "integer",
        minimum: 100,
        maximum: 999
      },
      env: {
        description: "An array of environment variable names that should be replaced at runtime in the destination",
        type: "array",
        minItems: 1,
        maxItems: 64,
        items: {
          type: "string",
          maxLength: 256
        }
      },
      respectOriginCacheControl: {
        description: "When set to true (default), external rewrites will respect the Cache-Control header from the origin. When false, caching is disabled for this rewrite.",
        type: "boolean"
      }
    }
  }
};
const redirectsSchema = {
  title: "Redirects",
  type: "array",
  maxItems: 2048,
  description: "A list of redirect definitions.",
  items: {
    type: "object",
    additionalProperties: false,
    required: ["source", "destination"],
    properties: {
      source: {
        description: "A pattern that matches each incoming pathname (excluding querystring) or a full URL including domain.",
        type: "string",
        maxLength: 4096
      },
      destination: {
        description: "A location destination defined as an absolute pathname or external URL.",
        type: "string",
        maxLength: 4096
      },
      permanent: {
        description: "A boolean to toggle between permanent and temporary redirect. When `true`, the status code is `308`. When `false` the status code is `307`.",
        type: "boolean"
      },
      statusCode: {
        description: "An optional integer to define the status code of the redirect.",
        private: true,
        type: "integer",
        minimum: 100,
        maximum: 999
      },
      has: hasSchema,
      missing: hasSchema,
      env: {
        description: "An array of environment variable names that should be replaced at runtime in the destination",
        type: "array",
        minItems: 1,
        maxItems: 64,
        items: {
          type: "string",
          maxLength: 256
        }
      }
    }
  }
};
const headersSchema = {
  type: "array",
  maxItems: 2048,
  description: "A list of header definitions.",
  items: {
    type: "object",
    additionalProperties: false,
    required: ["source", "headers"],
    properties: {
      source: {
        description: "A pattern that matches each incoming pathname (excluding querystring)",
        type: "string",
        maxLength: 4096
      },
      headers: {
        description: "An array of key/value pairs representing each response header.",
        type: "array",
        maxItems: 1024,
        items: {
          type: "object",
          additionalProperties: false,
          required: ["key", "value"],
          properties: {
            key: {
              type: "string",
              maxLength: 4096
            },
            value: {
              type: "string",
              maxLength: 32768
            }
          }
        }
      },
      has: hasSchema,
      missing: hasSchema
    }
  }
};
const cleanUrlsSchema = {
  description: "When set to `true`, all HTML files and Serverless Functions will have their extension removed. When visiting a path that ends with the extension, a 308 response will redirect the client to the extensionless path.",
  type: "boolean"
};
const trailingSlashSchema = {
  description: "When `false`, visiting a path that ends with a forward slash will respond with a `308` status code and redirect to the path without the trailing slash.",
  type: "boolean"
};
// Annotate the CommonJS export names for ESM import in node:
0 && (0);


/***/ }),

/***/ 6918:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   VERCEL_PUBLISHED_KEYS: () => (/* binding */ VERCEL_PUBLISHED_KEYS),
/* harmony export */   vercelConfigSchema: () => (/* binding */ vercelConfigSchema),
/* harmony export */   vercelConflicts: () => (/* binding */ vercelConflicts)
/* harmony export */ });
/* harmony import */ var _vercel_build_utils_dist_schemas_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5949);
/* harmony import */ var _vercel_build_utils_dist_schemas_js__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(_vercel_build_utils_dist_schemas_js__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _vercel_routing_utils_dist_schemas_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7551);
/* harmony import */ var _vercel_routing_utils_dist_schemas_js__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(_vercel_routing_utils_dist_schemas_js__WEBPACK_IMPORTED_MODULE_1__);
/**
 * A JSON Schema for vercel.json, built around Vercel's own published schemas.
 *
 * The routing keys (`routes`, `rewrites`, `redirects`, `headers`, `cleanUrls`, `trailingSlash`)
 * and `functions` / `builds` use the schemas Vercel publishes in @vercel/routing-utils and
 * @vercel/build-utils: the ones the Vercel CLI validates vercel.json with before it deploys, so
 * what fails here fails there. Vercel's whole-file schema (openapi.vercel.sh/vercel.json) is served
 * from its site only; the other top-level keys are typed from the "Project Configuration"
 * reference, and a key outside them is a warning (newer than this list, or a typo).
 */


/** The top-level keys whose schema is Vercel's published one: a failure under them is an error, as in the CLI. */
const VERCEL_PUBLISHED_KEYS = [
    'routes',
    'rewrites',
    'redirects',
    'headers',
    'cleanUrls',
    'trailingSlash',
    'functions',
    'builds',
];
const nullableText = { type: ['string', 'null'] };
const strings = { type: 'array', items: { type: 'string' } };
const stringMap = { type: 'object', additionalProperties: { type: 'string' } };
/**
 * The whole-file schema. Vercel's published parts are the big ones (compiling `routes` alone takes
 * Ajv about 200 ms), so only those of `present` are included; the others are there as `{}` so
 * their names stay known.
 */
function vercelConfigSchema(present = new Set(VERCEL_PUBLISHED_KEYS)) {
    const published = (key, schema) => (present.has(key) ? schema() : {});
    return {
        $schema: 'http://json-schema.org/draft-07/schema#',
        title: 'vercel.json',
        type: 'object',
        additionalProperties: false,
        properties: {
            $schema: { type: 'string' },
            version: { const: 2 },
            name: { type: 'string' },
            framework: nullableText,
            buildCommand: nullableText,
            devCommand: nullableText,
            installCommand: nullableText,
            ignoreCommand: nullableText,
            outputDirectory: nullableText,
            public: { type: 'boolean' },
            bulkRedirectsPath: nullableText,
            regions: strings,
            functionFailoverRegions: strings,
            bunVersion: { type: 'string' },
            fluid: { type: 'boolean' },
            crons: {
                type: 'array',
                items: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['path', 'schedule'],
                    properties: {
                        path: { type: 'string', pattern: '^/', maxLength: 512 },
                        schedule: { type: 'string', minLength: 9, maxLength: 256 },
                    },
                },
            },
            images: { type: 'object', required: ['sizes'], properties: { sizes: { type: 'array', items: { type: 'number' } } } },
            git: { type: 'object' },
            github: { type: 'object' },
            env: stringMap,
            build: { type: 'object', additionalProperties: false, properties: { env: stringMap } },
            alias: { anyOf: [{ type: 'string' }, strings] },
            // Multi-service projects (Vercel's own examples): a map of service name to its settings.
            services: { type: 'object', additionalProperties: { type: 'object' } },
            experimentalServices: { type: 'object', additionalProperties: { type: 'object' } },
            scope: { type: 'string' },
            routes: published('routes', () => _vercel_routing_utils_dist_schemas_js__WEBPACK_IMPORTED_MODULE_1__.routesSchema),
            rewrites: published('rewrites', () => _vercel_routing_utils_dist_schemas_js__WEBPACK_IMPORTED_MODULE_1__.rewritesSchema),
            redirects: published('redirects', () => _vercel_routing_utils_dist_schemas_js__WEBPACK_IMPORTED_MODULE_1__.redirectsSchema),
            headers: published('headers', () => _vercel_routing_utils_dist_schemas_js__WEBPACK_IMPORTED_MODULE_1__.headersSchema),
            cleanUrls: published('cleanUrls', () => _vercel_routing_utils_dist_schemas_js__WEBPACK_IMPORTED_MODULE_1__.cleanUrlsSchema),
            trailingSlash: published('trailingSlash', () => _vercel_routing_utils_dist_schemas_js__WEBPACK_IMPORTED_MODULE_1__.trailingSlashSchema),
            functions: published('functions', _vercel_build_utils_dist_schemas_js__WEBPACK_IMPORTED_MODULE_0__.getFunctionsSchema),
            builds: published('builds', () => _vercel_build_utils_dist_schemas_js__WEBPACK_IMPORTED_MODULE_0__.buildsSchema),
        },
    };
}
/** What Vercel refuses that no schema says: the legacy `routes` beside the newer routing keys, `functions` beside `builds`. */
function vercelConflicts(config) {
    if (typeof config !== 'object' || config === null)
        return [];
    const has = (key) => config[key] !== undefined;
    const found = [];
    if (has('routes')) {
        for (const key of ['rewrites', 'redirects', 'headers', 'cleanUrls', 'trailingSlash']) {
            if (has(key))
                found.push({ key, message: 'cannot be used together with `routes` (Vercel refuses the deployment)' });
        }
    }
    if (has('functions') && has('builds')) {
        found.push({ key: 'functions', message: 'cannot be used together with `builds` (Vercel refuses the deployment)' });
    }
    return found;
}


/***/ })

};
