package io.ashspring.repository.issues;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.query.Param;

import io.ashspring.fixtures.actions.Issue;
import io.ashspring.query.Query;
import io.ashspring.repository.Action;
import io.ashspring.repository.AshRepository;
import io.ashspring.runtime.ActionResult;

/** A repository whose methods run the actions of {@link Issue}, one of every shape. */
public interface IssueRepository extends AshRepository<Issue, UUID> {

    @Action("open")
    Issue open(String subject, boolean urgent, UUID assignee);

    @Action("open")
    ActionResult<Issue> openWith(@Param("subject") String title, Map<String, ?> more);

    @Action("openIssues")
    List<Issue> openIssues(int min);

    @Action("openIssues")
    Set<Issue> openIssues(int min, Query narrowing, Sort sort, Limit limit);

    @Action("assignedTo")
    Optional<Issue> onlyIssueOf(String name);

    @Action("close")
    Issue close(UUID id, String reason);

    @Action("close")
    Issue close(Issue issue, String reason, Integer version);

    @Action("escalate")
    Issue escalate(UUID id, int by);

    @Action("escalate")
    Issue escalate(Issue issue);

    @Action("archive")
    void archive(UUID id);

    @Action("archive")
    Issue archive(Issue issue);
}
