package dev.storytrack.store;

import java.util.List;

/**
 * A story with its versions.
 *
 * @param story the summary
 * @param earliest id of the earliest dated article (the first version), or the first to arrive
 * @param articles its articles by publication time (undated last, then by arrival)
 * @param timeline articles per source per day, by day then source
 */
public record StoryDetail(
    StorySummary story, String earliest, List<ArticleRef> articles, List<TimelinePoint> timeline) {}
