import { Button } from '@mantine/core';

type Params = Record<string, string | number | boolean | undefined | null>;

// Any list as CSV: the same route with format=csv; the session cookie authenticates the download.
export function csvHref(path: string, params: Params = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  search.set('format', 'csv');
  return `${path}?${search.toString()}`;
}

export function CsvLink({ path, params, label }: { path: string; params?: Params; label: string }) {
  return (
    <Button
      component="a"
      href={csvHref(path, params)}
      download
      variant="default"
      size="xs"
      aria-label={`Export ${label} as CSV`}
    >
      Export CSV
    </Button>
  );
}
