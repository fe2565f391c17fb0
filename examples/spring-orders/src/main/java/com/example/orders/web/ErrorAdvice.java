package com.example.orders.web;

import dev.appdb.domain.error.DuplicateEmailException;
import dev.appdb.domain.error.ValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** appdb's domain errors as HTTP problems (RFC 9457). */
@RestControllerAdvice
public class ErrorAdvice {

  @ExceptionHandler(DuplicateEmailException.class)
  ProblemDetail duplicateEmail(DuplicateEmailException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
        "a user with email " + e.email() + " already exists");
    problem.setTitle("Duplicate email");
    problem.setProperty("email", e.email());
    return problem;
  }

  @ExceptionHandler(ValidationException.class)
  ProblemDetail invalid(ValidationException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        e.getMessage());
    problem.setTitle("Invalid " + e.field());
    problem.setProperty("field", e.field());
    return problem;
  }
}
