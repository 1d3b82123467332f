// What a handler returns when the default answer (its first 2xx status, JSON body) is not the one:
// another declared status, response headers, or no body.

export class Reply {
  constructor(
    readonly status: number,
    readonly body?: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}

export const reply = (status: number, body?: unknown, headers?: Record<string, string>): Reply => new Reply(status, body, headers);
