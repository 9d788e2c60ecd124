import { KeyedSerializer } from './keyed-serializer';

describe('KeyedSerializer', () => {
  it('runs tasks of one key in order, never overlapping, and other keys alongside', async () => {
    const serializer = new KeyedSerializer();
    const log: string[] = [];
    let releaseFirst: () => void = () => undefined;
    const first = serializer.run(
      'a',
      () =>
        new Promise<void>(
          (resolve) =>
            (releaseFirst = () => {
              log.push('a1');
              resolve();
            }),
        ),
    );
    const second = serializer.run('a', () => {
      log.push('a2');
      return Promise.resolve();
    });
    await serializer.run('b', () => {
      log.push('b1');
      return Promise.resolve();
    });
    expect(log).toEqual(['b1']);
    releaseFirst();
    await Promise.all([first, second]);
    expect(log).toEqual(['b1', 'a1', 'a2']);
  });

  it('keeps going after a failed task and still rejects its caller', async () => {
    const serializer = new KeyedSerializer();
    await expect(serializer.run('a', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(serializer.run('a', () => Promise.resolve(2))).resolves.toBe(2);
  });
});
