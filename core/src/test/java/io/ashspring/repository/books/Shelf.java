package io.ashspring.repository.books;

import java.util.List;
import java.util.UUID;

import io.ashspring.resource.Attribute;
import io.ashspring.resource.Count;
import io.ashspring.resource.HasMany;
import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Resource;

@Resource(table = "shelves")
public record Shelf(@PrimaryKey UUID id, @Attribute(allowNil = false) String name, @HasMany List<Book> books,
                    @Count("books") Long bookCount) {
}
