import { DEFAULT_SCALE, parseScale, ScaleError } from './scale';

describe('the --replicas and --nats-cluster flags', () => {
  it('default to one of each: the stack as it always was', () => {
    expect(parseScale({})).toEqual(DEFAULT_SCALE);
    expect(DEFAULT_SCALE).toEqual({ replicas: 1, natsCluster: 1 });
  });

  it('take two replicas on a three-node cluster, and a single node explicitly', () => {
    expect(parseScale({ replicas: '2', natsCluster: '3' })).toEqual({ replicas: 2, natsCluster: 3 });
    expect(parseScale({ replicas: '5', natsCluster: '1' })).toEqual({ replicas: 5, natsCluster: 1 });
    expect(parseScale({ natsCluster: '7' })).toEqual({ replicas: 1, natsCluster: 7 });
  });

  it.each([
    [{ replicas: '0' }, /--replicas 0: must be between 1 and 5/],
    [{ replicas: '6' }, /--replicas 6: must be between 1 and 5/],
    [{ replicas: 'two' }, /--replicas "two": must be a whole number/],
    [{ replicas: '1.5' }, /--replicas "1.5": must be a whole number/],
    [{ replicas: '-1' }, /--replicas "-1": must be a whole number/],
    [{ replicas: '' }, /--replicas "": must be a whole number/],
    [{ natsCluster: '2' }, /--nats-cluster 2: must be 1 \(a single nats-server\) or an odd count from 3 to 7/],
    [{ natsCluster: '4' }, /--nats-cluster 4: .*an even count adds no tolerance/],
    [{ natsCluster: '0' }, /--nats-cluster 0: must be 1/],
    [{ natsCluster: '9' }, /--nats-cluster 9: must be 1/],
    [{ natsCluster: 'three' }, /--nats-cluster "three": must be a whole number/],
  ])('refuses %j, saying why', (values, message) => {
    expect(() => parseScale(values)).toThrow(ScaleError);
    expect(() => parseScale(values)).toThrow(message);
  });
});
