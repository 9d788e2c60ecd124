// One problem with one field of an input: where (a dotted path) and what.
export interface FieldIssue {
  path: string;
  message: string;
}
