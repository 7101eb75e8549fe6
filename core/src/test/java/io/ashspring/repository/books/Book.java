package io.ashspring.repository.books;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.ashspring.resource.Attribute;
import io.ashspring.resource.BelongsTo;
import io.ashspring.resource.Calculation;
import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Ref;
import io.ashspring.resource.Resource;

@Resource(table = "books")
public record Book(
        @PrimaryKey UUID id,
        @Attribute(allowNil = false) String title,
        String author,
        Integer pages,
        @Attribute(defaultValue = "false") Boolean published,
        Genre genre,
        LocalDate releasedOn,
        List<String> tags,
        @BelongsTo Ref<Shelf, UUID> shelf,
        @Calculation("pages * 2") Integer doublePages) {

    public enum Genre { NOVEL, POETRY, SCIENCE }
}
