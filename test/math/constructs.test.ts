/**
 * Every construct issue 6 lists, read and compared (mathEqual: no extraction beyond stripping).
 */
import { describe, expect, it } from 'vitest';
import { mathEqual } from '../../src/verifiers/math/index.js';

const same: Array<[string, string, string]> = [
  ['fractions', '\\frac{3}{4}', '\\dfrac34'],
  ['\\tfrac and \\cfrac', '\\tfrac{1}{2}', '\\cfrac{1}{2}'],
  ['n-th roots', '\\sqrt[3]{27}', '3'],
  ['square roots without braces', '\\sqrt2 \\cdot \\sqrt 8', '4'],
  ['powers', '2^{10}', '1024'],
  ['\\cdot \\times \\div', '6 \\div 3 \\times 2 \\cdot 1', '4'],
  ['pi', '2\\pi', '\\pi + \\pi'],
  ['e', 'e^{2}', '\\exp(2)'],
  ['i', '(1+i)^2', '2i'],
  ['infinity', '(-\\infty, \\infty)', '\\mathbb{R}'],
  ['trig', '\\sin^2 x + \\cos^2 x', '1'],
  ['inverse trig', '\\sin^{-1}(1)', '\\frac{\\pi}{2}'],
  ['logs', '\\log_2 8', '3'],
  ['ln', '\\ln(e^3)', '3'],
  ['binomials', '\\binom{6}{3}', '20'],
  ['factorials', '5!', '120'],
  ['percent', '12.5\\%', '\\frac18'],
  ['degrees', '\\cos 60^\\circ', '\\frac12'],
  ['\\text and \\mathrm wrappers', '\\mathrm{e}', 'e'],
  ['\\mathbf letters', '\\mathbf{v}', 'v'],
  ['units', '15\\mbox{ cm}^2', '15'],
  ['currency', '\\$1,000.50', '1000.5'],
  ['dollars word', '30 dollars', '30'],
  ['thousands separators', '7,425,000', '7425000'],
  ['space thousands', '1 000', '1000'],
  ['decimal comma', '1000,99', '1000.99'],
  ['mixed numbers', '2\\frac{1}{4}', '\\frac94'],
  ['plain mixed numbers', '2 1/4', '2.25'],
  ['scientific notation', '3.2 \\times 10^{-3}', '0.0032'],
  ['e-notation', '3.2e-3', '0.0032'],
  ['matrices', '\\begin{bmatrix}1&2\\\\3&4\\end{bmatrix}', '\\begin{pmatrix}1 & 2 \\\\ 3 & 4\\end{pmatrix}'],
  ['matrix arithmetic', '2\\begin{pmatrix}1\\\\2\\end{pmatrix}', '\\begin{pmatrix}2\\\\4\\end{pmatrix}'],
  ['determinants', '\\begin{vmatrix}1&2\\\\3&4\\end{vmatrix}', '-2'],
  ['intervals', '(1, 2]', '\\left(1, 2\\right]'],
  ['unions', '(-\\infty, 1) \\cup (1, \\infty)', '\\mathbb{R} \\setminus \\{1\\}'],
  ['sets', '\\{1, 2, 3\\}', '\\{3, 1, 2\\}'],
  ['tuples', '(1, -2)', '\\left(1, -2\\right)'],
  ['equations vs values', 'x = 3', '3'],
  ['equations vs equations', 'y = 2x + 1', '2x - y + 1 = 0'],
  ['inequalities', 'k \\ge 2', '2 \\le k'],
  ['inequality vs interval', '-1 < x \\le 4', '(-1, 4]'],
  ['\\pm', '1 \\pm \\sqrt{2}', '\\{1 + \\sqrt2, 1 - \\sqrt2\\}'],
  ['multiple choice in text', '\\text{(C)}', 'C'],
  ['repeating decimals', '0.1\\overline{6}', '\\frac16'],
  ['base subscripts', '101_2', '101_2'],
  ['absolute value', '|-3|', '3'],
  ['floor and ceiling', '\\lfloor 2.7 \\rfloor + \\lceil 2.1 \\rceil', '5'],
  ['sums', '\\sum_{k=1}^{10} k', '55'],
  ['ratios', '3:4', '6:8'],
  ['angle brackets', '\\langle 1, 2 \\rangle', '(1, 2)'],
  ['number words', 'twenty-five', '25'],
];

const different: Array<[string, string, string]> = [
  ['open vs closed interval', '(1, 2)', '[1, 2)'],
  ['tuple order', '(1, 2)', '(2, 1)'],
  ['set size', '\\{1, 2\\}', '\\{1, 2, 3\\}'],
  ['\\pm is two values', '\\pm 2', '2'],
  ['inequality direction', 'x < 1', 'x > -1'],
  ['equation vs its side', '2x + 1 = 0', '0'],
  ['variables', 'x + 1', 'y + 1'],
  ['big integers', '2^{64}', '18446744073709551615'],
  ['tiny rationals', '\\frac{1}{2^{99}}', '\\frac{1}{2^{98}}'],
];

describe('LaTeX constructs', () => {
  for (const [what, a, b] of same) it(`reads ${what}: ${a} = ${b}`, () => expect(mathEqual(a, b)).toBe(true));
  for (const [what, a, b] of different) it(`tells apart ${what}: ${a} != ${b}`, () => expect(mathEqual(a, b)).toBe(false));
});
