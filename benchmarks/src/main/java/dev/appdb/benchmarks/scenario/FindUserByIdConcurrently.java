package dev.appdb.benchmarks.scenario;

import org.openjdk.jmh.annotations.Threads;

/**
 * {@link FindUserById} from 32 threads at once on the production pool of 20 + 10 connections:
 * throughput under contention, and latency percentiles from the sample mode.
 */
@Threads(32)
public class FindUserByIdConcurrently extends FindUserById {}
