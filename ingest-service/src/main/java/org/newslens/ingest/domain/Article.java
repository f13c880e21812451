package org.newslens.ingest.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;

/** A stored article. Written by {@code ArticleStore}; mapped here for reading. */
@Entity
@Table(name = "articles")
public class Article extends PanacheEntityBase {

    @Id
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "source_id")
    public Source source;

    public String url;
    @Column(name = "canonical_url")
    public String canonicalUrl;
    public String title;
    public String text;
    @Column(name = "language_hint")
    public String languageHint;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "ingested_at")
    public Instant ingestedAt;
    public String[] authors;
    @Column(name = "external_id")
    public String externalId;
    @Column(name = "lead_image_url")
    public String leadImageUrl;
    @Column(name = "near_duplicate_of")
    public Long nearDuplicateOf;
}
