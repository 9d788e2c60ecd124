import { AtBudget, BudgetSpentError, DOCUMENTED_HOURLY_LIMIT } from './at-budget';

describe('AtBudget', () => {
  it('counts its requests in a rolling hour and merges the last ThresholdInformation reading', () => {
    let now = 0;
    const budget = new AtBudget(() => now);
    expect(budget.limit()).toBe(DOCUMENTED_HOURLY_LIMIT);
    budget.count();
    budget.count();
    expect(budget.usage()).toMatchObject({ requestsThisHour: 2, hourlyLimit: null });
    now = 1000;
    budget.record(10, 7);
    budget.count();
    expect(budget.usage()).toMatchObject({ requestsThisHour: 8, hourlyLimit: 10 });
    // The reading's count holds for its hour (it cannot tell when those requests were sent).
    now = 3_600_001;
    expect(budget.used()).toBe(8);
    now = 3_601_001;
    expect(budget.used()).toBe(0);
  });

  it('refuses before sending once the hour is spent', () => {
    const budget = new AtBudget(() => 0);
    budget.record(3, 2);
    expect(() => {
      budget.check();
    }).not.toThrow();
    budget.count();
    expect(() => {
      budget.check();
    }).toThrow(BudgetSpentError);
    expect(() => {
      budget.check();
    }).toThrow(/3 of 3 requests in the last hour/);
  });

  it('lets three requests per endpoint run and queues the next in order', async () => {
    const budget = new AtBudget();
    const releases = await Promise.all([1, 2, 3].map(() => budget.acquire('Companies')));
    const order: string[] = [];
    const fourth = budget.acquire('Companies').then((release) => {
      order.push('fourth');
      return release;
    });
    const fifth = budget.acquire('Companies').then((release) => {
      order.push('fifth');
      return release;
    });
    const other = await budget.acquire('Contracts');
    expect(budget.usage()).toMatchObject({ inFlight: 3, maxInFlight: 3 });
    expect(order).toEqual([]);
    releases[0]?.();
    releases[0]?.();
    (await fourth)();
    releases[1]?.();
    (await fifth)();
    expect(order).toEqual(['fourth', 'fifth']);
    releases[2]?.();
    other();
    expect(budget.usage().inFlight).toBe(0);
  });
});
