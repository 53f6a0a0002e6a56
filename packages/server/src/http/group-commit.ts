/**
 * Group commit: writes that arrive together go in one transaction, so each fsync serves many
 * pushes and durability does not cost throughput. The first write waits one turn of the event
 * loop (setImmediate) for the requests already read to join it; this matters with SQLite, whose
 * driver is synchronous, so a transaction started at once would hold the loop until its fsync
 * and nothing could ever join it. Writes arriving during a transaction go in the next one. If a
 * shared transaction fails, its writes are retried one by one, so one bad push never fails another.
 */
export function createGroupCommit<Item, Result>(
  writeBatch: (items: Item[]) => Promise<Result[]>,
  maxBatch = 64,
): (item: Item) => Promise<Result> {
  type Waiting = {
    item: Item;
    resolve: (result: Result) => void;
    reject: (error: unknown) => void;
  };
  const queue: Waiting[] = [];
  let writing = false;

  const settleOneByOne = async (batch: Waiting[]) => {
    for (const waiting of batch) {
      try {
        const [result] = await writeBatch([waiting.item]);
        waiting.resolve(result as Result);
      } catch (error) {
        waiting.reject(error);
      }
    }
  };

  const flush = async () => {
    writing = true;
    while (queue.length > 0) {
      const batch = queue.splice(0, maxBatch);
      try {
        const results = await writeBatch(batch.map((waiting) => waiting.item));
        for (const [i, waiting] of batch.entries()) waiting.resolve(results[i] as Result);
      } catch {
        await settleOneByOne(batch);
      }
    }
    writing = false;
  };

  return (item) =>
    new Promise<Result>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!writing) {
        writing = true;
        setImmediate(() => void flush());
      }
    });
}
