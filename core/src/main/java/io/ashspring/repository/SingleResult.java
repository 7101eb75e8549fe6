package io.ashspring.repository;

import java.util.List;

import org.springframework.dao.IncorrectResultSizeDataAccessException;

/** The one record a repository method declared to return one record gives: none, one, or an error naming the method. */
final class SingleResult {

    private SingleResult() {
    }

    /**
     * @param method the method, as {@code Repository.method}, for the error
     * @param resource the resource's name, for the error
     * @param records what the read returned (read with a limit of at least 2, so that more than one shows)
     * @return the one record, or {@code null} when there is none
     * @throws IncorrectResultSizeDataAccessException when more than one matches
     */
    static Object of(String method, String resource, List<?> records) {
        if (records.size() > 1) {
            throw new IncorrectResultSizeDataAccessException(method + " returns one " + resource
                    + " but more than one matches", 1);
        }
        return records.isEmpty() ? null : records.get(0);
    }
}
