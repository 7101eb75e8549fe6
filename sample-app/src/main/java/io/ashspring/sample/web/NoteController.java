package io.ashspring.sample.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.ashspring.runtime.ResourceService;
import io.ashspring.sample.Note;

/**
 * The notes of the tenant the request names in its {@code X-Tenant} header: the tenant filter binds
 * it for the request, and the service reads and writes that tenant's notes only. Without the header
 * the answer is 400 ("Note is multitenant..."); another tenant's note is 404.
 */
@RestController
@RequestMapping("/notes")
public class NoteController {

    private final ResourceService<Note> notes;

    public NoteController(ResourceService<Note> notes) {
        this.notes = notes;
    }

    @PostMapping
    public ResponseEntity<Note> create(@RequestBody Map<String, Object> input) {
        Note note = notes.create(input);
        return Created.at(note.id(), note);
    }

    /** The tenant's notes, newest first. */
    @GetMapping
    public List<Note> list() {
        return notes.read(q -> q.sort("-insertedAt").limit(ListParameters.MAX_PAGE_SIZE));
    }

    @GetMapping("/{id}")
    public Note get(@PathVariable String id) {
        return notes.get(id);
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id) {
        notes.destroy(id);
        return ResponseEntity.noContent().build();
    }
}
