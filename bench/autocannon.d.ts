// The parts of autocannon 9 that bench/cases/pages.ts uses; the package ships no types.
declare module "autocannon" {
  interface Options {
    url: string;
    connections?: number;
    /** Seconds. */
    duration?: number;
    headers?: Record<string, string>;
  }

  interface Histogram {
    average: number;
    total: number;
  }

  interface Result {
    requests: Histogram;
    non2xx: number;
    errors: number;
    timeouts: number;
  }

  interface Instance extends PromiseLike<Result> {
    on(
      event: "response",
      listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void,
    ): Instance;
  }

  function autocannon(options: Options): Instance;
  export default autocannon;
}
