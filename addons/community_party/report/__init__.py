from . import service_quarter_report
