package org.arflow.web;

import java.util.List;

/** One page of a list resource. Pages count from 0. */
public record PageView<T>(List<T> content, int page, int size, long totalElements, long totalPages) {

    public PageView(List<T> content, int page, int size, long totalElements) {
        this(content, page, size, totalElements, (totalElements + size - 1) / size);
    }
}
