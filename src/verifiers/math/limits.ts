/**
 * The math verifier's input caps. Every step is a linear scan or works on an answer no longer than
 * {@link MAX_ANSWER_CHARS}, so a sample of any size (tested up to 10 MB) is judged in well under a
 * second; beyond a cap the verdict says so with the reason {@link TOO_LONG} (a judged fail: the
 * response's own fault, not an error).
 */
import { Reasons } from '../../core/verdict.js';

/** Responses longer than this (characters) are not searched: verdict `too-long`. */
export const MAX_RESPONSE_CHARS = 1_000_000;
/** Extracted answers longer than this (characters) are not read: verdict `too-long`. */
export const MAX_ANSWER_CHARS = 1_000;
/** Matrices larger than this (rows or columns) are not evaluated (their determinant is not taken). */
export const MAX_MATRIX_SIZE = 12;
/** The reason of a verdict whose response or answer is over a cap. */
export const TOO_LONG = Reasons.tooLong;
