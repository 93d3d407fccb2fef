package nl.weerbaar.kit.streams;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * Every persistent store of a service shares one block cache and one memtable budget, so the off-heap memory RocksDB
 * takes is bounded however many stores and tasks an instance holds (Kafka Streams' "bounded memory" recipe; without
 * it each store of each task takes its own 50 MB cache and three 16 MB memtables).
 */
public class BoundedRocksDb implements RocksDBConfigSetter {

    /** Off-heap for all stores of this JVM together: block cache and memtables. */
    static final long TOTAL_BYTES = 128L << 20;
    static final long MEMTABLE_BYTES = 48L << 20;
    private static final long MEMTABLE_SIZE = 8L << 20;
    private static final double INDEX_FILTER_RATIO = 0.1;

    static {
        RocksDB.loadLibrary(); // the native library, before the first native object below
    }

    private static final Cache CACHE = new LRUCache(TOTAL_BYTES, -1, false, INDEX_FILTER_RATIO);
    private static final WriteBufferManager WRITE_BUFFERS = new WriteBufferManager(MEMTABLE_BYTES, CACHE);

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(CACHE);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(WRITE_BUFFERS);
        options.setMaxWriteBufferNumber(2);
        options.setWriteBufferSize(MEMTABLE_SIZE);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and the write buffer manager are shared by every store: they live as long as the JVM
    }
}
