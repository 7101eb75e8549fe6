package io.ashspring.runtime.replica;

/** Which reads must see a write that committed before them ({@code ash.datasource.read-your-writes}). */
public enum ReadYourWrites {

    /**
     * A read on the thread that wrote: until a replica has replayed the write, that thread reads on
     * the primary. The default.
     */
    THREAD,

    /** Every read of the application, whichever thread wrote: no read sees older data than the last write. */
    APPLICATION,

    /** None: a read may go to a replica that has not replayed a write yet (eventual consistency). */
    NONE
}
