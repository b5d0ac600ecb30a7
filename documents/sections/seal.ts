/**
 * The company seal (公章) as documents print it: a PNG with transparency,
 * as a data URI, and its pixel size for the aspect ratio.
 */
export interface SealImage {
  dataUri: string;
  width: number;
  height: number;
}
