package org.newslens.ingest.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An outlet. Written by {@code ArticleStore}; mapped here for reading. */
@Entity
@Table(name = "sources")
public class Source extends PanacheEntityBase {

    @Id
    public Long id;
    public String name;
    public String domain;
    public String country;
    public String language;
}
