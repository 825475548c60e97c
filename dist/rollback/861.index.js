export const id = 861;
export const ids = [861];
export const modules = {

/***/ 4861:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Subscriptions: () => (/* binding */ Subscriptions)
/* harmony export */ });
/** Node's WebSocket with extra headers on the upgrade request (undici's `headers` option). */
function headerWebSocket(headers) {
    const Base = globalThis.WebSocket;
    if (typeof Base !== 'function')
        return undefined;
    return class extends Base {
        constructor(url, protocols) {
            super(url, { protocols, headers });
        }
    };
}
class Subscriptions {
    state = 'connecting';
    /** Sockets opened (the first, then each reconnect). */
    connections = 0;
    client;
    constructor(client) {
        this.client = client;
    }
    static async open(railway, options = {}) {
        const webSocketImpl = headerWebSocket(railway.authHeaders());
        if (webSocketImpl === undefined)
            return undefined;
        const { createClient } = await __webpack_require__.e(/* import() */ 311).then(__webpack_require__.bind(__webpack_require__, 5311));
        const retryDelay = options.retryDelay ?? ((attempt) => Math.min(1000 * 2 ** attempt, 8000));
        let self;
        const setState = (state, detail) => {
            if (!self || self.state === 'failed')
                return;
            self.state = state;
            options.onState?.(state, detail);
        };
        const client = createClient({
            url: railway.subscriptionUrl,
            webSocketImpl,
            lazy: true,
            retryAttempts: options.retryAttempts ?? 3,
            shouldRetry: () => true,
            retryWait: (attempt) => new Promise((resolve) => setTimeout(resolve, retryDelay(attempt))),
            keepAlive: 15_000,
            on: {
                connecting: () => setState('connecting'),
                connected: () => {
                    if (self)
                        self.connections++;
                    setState('open');
                },
                closed: (event) => setState('closed', describeClose(event)),
            },
        });
        self = new Subscriptions(client);
        return self;
    }
    subscribe(query, variables, handlers) {
        // graphql-ws completes a sink when its own side unsubscribes: that is not a lost socket.
        let stopped = false;
        const stop = this.client.subscribe({ query, variables }, {
            next: (result) => {
                if (stopped)
                    return;
                if (result.errors?.length) {
                    handlers.error(result.errors.map((e) => e.message).join('; '));
                    return;
                }
                if (result.data)
                    handlers.next(result.data);
            },
            error: (error) => {
                if (stopped)
                    return;
                this.state = 'failed';
                handlers.error(describeClose(error));
            },
            complete: () => {
                if (!stopped)
                    handlers.error('the server ended the subscription');
            },
        });
        return () => {
            stopped = true;
            stop();
        };
    }
    async dispose() {
        this.state = 'failed';
        await this.client.dispose();
    }
}
function describeClose(event) {
    if (event && typeof event === 'object') {
        const e = event;
        if (typeof e.code === 'number')
            return `socket closed (${e.code}${e.reason ? ` ${e.reason}` : ''})`;
        if (Array.isArray(event))
            return event.map((x) => x.message ?? String(x)).join('; ');
        if (typeof e.message === 'string' && e.message)
            return e.message;
    }
    return 'socket error';
}


/***/ })

};
