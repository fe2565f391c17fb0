package dev.appdb.benchmarks.scenario;

import org.openjdk.jmh.annotations.Threads;

/**
 * {@link FindNoteById} from 32 threads at once on the production pool of 20 + 10 connections.
 */
@Threads(32)
public class FindNoteByIdConcurrently extends FindNoteById {}
