"""A simulated patient monitor: physiological model, scenario engine and protocol encoders. Qt-free."""
