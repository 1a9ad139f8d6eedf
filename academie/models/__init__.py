from .certificate import Certificate
from .course import CourseFormat, CoursePage, EnrolmentPolicy
from .enrolment import Enrolment, EnrolmentStatus, LessonProgress
from .index import AcademieIndexPage
from .lesson import LessonKind, LessonPage
from .quiz import QuestionKind, QuizAnswer, QuizAttempt, QuizQuestion
from .scorm import ScormAttempt, ScormPackage, ScormStatus
from .training import (
    TRAINING_FORMAT,
    RegistrationStatus,
    TrainingPage,
    TrainingRegistration,
    TrainingSession,
)

__all__ = [
    "AcademieIndexPage",
    "Certificate",
    "CourseFormat",
    "CoursePage",
    "Enrolment",
    "EnrolmentPolicy",
    "EnrolmentStatus",
    "LessonKind",
    "LessonPage",
    "LessonProgress",
    "QuestionKind",
    "QuizAnswer",
    "QuizAttempt",
    "QuizQuestion",
    "ScormAttempt",
    "ScormPackage",
    "ScormStatus",
    "RegistrationStatus",
    "TRAINING_FORMAT",
    "TrainingPage",
    "TrainingRegistration",
    "TrainingSession",
]
